package io.jenkins.plugins.gitops.stubs;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.Extension;
import io.jenkins.plugins.gitops.annotations.IndexedAnnotationProcessor;
import java.io.File;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import net.java.sezpoz.Index;
import net.java.sezpoz.IndexItem;
import org.jenkinsci.Symbol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles a small plugin class against the stubs the way a plugin module does (processors found on the class
 * path through META-INF/services, no -processor option) and checks the two index files Jenkins reads.
 */
class AnnotationIndexTest {
    private static final String SOURCE = String.join(
            "\n",
            "package sample;",
            "",
            "import hudson.Extension;",
            "import org.jenkinsci.Symbol;",
            "",
            "@Symbol(\"x\")",
            "@Extension",
            "public class Sample {",
            "    @Symbol(\"inner\")",
            "    public static class Inner {}",
            "}",
            "");

    @TempDir
    Path work;

    @Test
    void shouldWriteSymbolAndExtensionIndexesWhenCompilingAgainstTheStubs() throws Exception {
        Path out = compile();

        Path symbolIndex = out.resolve("META-INF/annotations/org.jenkinsci.Symbol");
        assertThat(symbolIndex).exists();
        assertThat(Files.readString(symbolIndex, StandardCharsets.UTF_8))
                .isEqualTo("sample.Sample\nsample.Sample$Inner\n");

        assertThat(out.resolve("META-INF/annotations/hudson.Extension")).exists();
        try (URLClassLoader loader =
                new URLClassLoader(new URL[] {out.toUri().toURL()}, getClass().getClassLoader())) {
            List<String> extensions = new ArrayList<>();
            for (IndexItem<Extension, Object> item : Index.load(Extension.class, Object.class, loader)) {
                extensions.add(item.className());
            }
            assertThat(extensions).containsExactly("sample.Sample");
        }
    }

    @Test
    void shouldWriteNoSymbolIndexWhenNothingUsesSymbol() throws Exception {
        Files.createDirectories(work.resolve("src/sample"));
        Files.writeString(
                work.resolve("src/sample/Sample.java"), "package sample;\n@hudson.Extension public class Sample {}\n");

        Path out = compileSources();

        assertThat(out.resolve("META-INF/annotations/org.jenkinsci.Symbol")).doesNotExist();
        assertThat(out.resolve("META-INF/annotations/hudson.Extension")).exists();
    }

    private Path compile() throws Exception {
        Files.createDirectories(work.resolve("src/sample"));
        Files.writeString(work.resolve("src/sample/Sample.java"), SOURCE);
        return compileSources();
    }

    private Path compileSources() throws Exception {
        Path out = Files.createDirectories(work.resolve("classes"));
        List<Path> sources;
        try (Stream<Path> walk = Files.walk(work.resolve("src"))) {
            sources = walk.filter(p -> p.toString().endsWith(".java")).collect(Collectors.toList());
        }
        // the stubs, the real sezpoz jar and the project's processor: what a plugin module has on its class path
        String classpath = Stream.of(Symbol.class, Index.class, IndexedAnnotationProcessor.class)
                .map(AnnotationIndexTest::location)
                .distinct()
                .collect(Collectors.joining(File.pathSeparator));

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromPaths(sources);
            List<String> options =
                    List.of("--release", "17", "-proc:full", "-classpath", classpath, "-d", out.toString());
            boolean ok = javac.getTask(diagnostics, files, null, options, null, units)
                    .call();
            assertThat(ok).as("compilation: %s", diagnostics).isTrue();
        }
        return out;
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
