package io.jenkins.plugins.gitops.core.subst;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnvsubstTest {

    private static final Map<String, String> VARS = Map.of(
            "name", "web",
            "empty", "",
            "file", "bash.string.txt",
            "path", "/home/bozo/ideas/thoughts.for.today",
            "mixed", "abcdEFGH28ij",
            "z", "abcABC123ABCabc",
            "slashed", "foo/bar/baz",
            "greek", "\u00e9t\u00e9");

    private static String lenient(String text) {
        return new Envsubst(VARS, false).expand(text);
    }

    private static String strict(String text) {
        return new Envsubst(VARS, true).expand(text);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "plain text | plain text",
                "${name} | web",
                "x-${name}-y | x-web-y",
                "${missing} | \"\"",
                "${missing:=def} | def",
                "${missing:-def} | def",
                "${missing=def} | def",
                "${empty:=def} | def",
                "${empty=def} | def",
                "${name:=def} | web",
                "${name:+alt} | web",
                "${missing:+alt} | alt",
                "${missing:?oops} | oops",
                "${missing:=a${name}b} | awebb",
                "${missing:=${other:=deep}} | deep",
                "${missing:=a b: c} | a b: c",
                "${missing:=} | \"\"",
                "${#mixed} | 12",
                "${#greek} | 5",
                "${mixed^} | AbcdEFGH28ij",
                "${mixed^^} | ABCDEFGH28IJ",
                "${mixed,} | abcdEFGH28ij",
                "${mixed,,} | abcdefgh28ij",
                "${path:11} | ideas/thoughts.for.today",
                "${path:11:5} | ideas",
                "${path:-5} | /home/bozo/ideas/thoughts.for.today",
                "${path:x} | /home/bozo/ideas/thoughts.for.today",
                "${path:100} | \"\"",
                "${path:30:100} | today",
                "${z/abc/xyz} | xyzABC123ABCabc",
                "${z//abc/xyz} | xyzABC123ABCxyz",
                "${z/#abc/XYZ} | XYZABC123ABCabc",
                "${z/%abc/XYZ} | abcABC123ABCXYZ",
                "${slashed//\\//-} | foo-bar-baz",
                "${file#*.} | string.txt",
                "${file##*.} | txt",
                "${file%.*} | bash.string",
                "${file%%.*} | bash",
                "${path##*/} | thoughts.for.today",
                "${file#[} | bash.string.txt",
            })
    void shouldExpandLikeFlux(String input, String expected) {
        assertThat(lenient(input)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "$${name} | ${name}",
                "a$${name}b | a${name}b",
                "$$${name} | $web",
                "$$ | $",
                "$$$ | $$",
                "a$$b | a$b",
                "$name | $name",
                "$ | $",
                "cost: 5$ | cost: 5$",
                "$} | $}",
                "{name} | {name}",
                "\\\\x ${name} | \\\\x web",
                "some ${name}$${var$${name}$name${name} | some web${var${name}$nameweb",
                "$${missing:=${name}} | ${missing:=web}",
            })
    void shouldKeepEscapesAndBareDollarsLiteral(String input, String expected) {
        assertThat(lenient(input)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} fails with {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "${ | unable to parse variable name",
                "${} | unable to parse variable name",
                "${-x} | unable to parse variable name",
                "${name | missing closing brace",
                "${name-def} | missing closing brace",
                "${name+def} | missing closing brace",
                "${name?def} | missing closing brace",
                "${name:=def | unable to parse substitution within function",
                "${name:} | unable to parse substitution within function",
                "${name^^^} | bad substitution",
                "${#} | bad substitution",
                "${name/a} | bad substitution",
                "${z/abc} | bad substitution",
                "${name#} | unable to parse substitution within function",
            })
    void shouldRejectMalformedExpansionsWithFluxMessages(String input, String message) {
        assertThatThrownBy(() -> lenient(input))
                .isInstanceOf(EnvsubstException.class)
                .hasMessage(message);
    }

    @Test
    void shouldFailInStrictModeOnUnsetVariableWithoutDefault() {
        assertThatThrownBy(() -> strict("image: ${registry}/app"))
                .isInstanceOf(EnvsubstException.class)
                .hasMessage("variable not set (strict mode): \"registry\"")
                .extracting(e -> ((EnvsubstException) e).variable())
                .isEqualTo("registry");
    }

    @Test
    void shouldFailInStrictModeOnTransformationsOfUnsetVariables() {
        for (String text : new String[] {"${m^^}", "${#m}", "${m:0}", "${m/a/b}", "${m%x}", "${m,}"}) {
            assertThatThrownBy(() -> strict(text)).as(text).isInstanceOf(EnvsubstException.class);
        }
    }

    @Test
    void shouldAcceptDefaultsAndEmptyValuesInStrictMode() {
        assertThat(strict("${missing:=a}|${missing=b}|${missing:-c}|${missing:+d}|${empty}"))
                .isEqualTo("a|b|c|d|");
    }

    @Test
    void shouldFailInStrictModeOnNestedUnsetVariableEvenWhenDefaultIsUnused() {
        assertThatThrownBy(() -> strict("${name:=${missing}}"))
                .isInstanceOf(EnvsubstException.class)
                .hasMessageContaining("missing");
    }

    @Test
    void shouldListReferencedVariablesIncludingNestedOnes() {
        assertThat(Envsubst.referencedVariables("${a} $${b} ${c:=${d}} $e ${#f}"))
                .containsExactly("a", "c", "d", "f");
    }
}
