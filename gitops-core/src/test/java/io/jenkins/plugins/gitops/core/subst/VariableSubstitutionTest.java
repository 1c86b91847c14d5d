package io.jenkins.plugins.gitops.core.subst;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

import io.jenkins.plugins.gitops.core.model.Manifest;
import io.jenkins.plugins.gitops.core.model.ResourceId;
import io.jenkins.plugins.gitops.core.yaml.Yaml;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VariableSubstitutionTest {

    private static Manifest manifest(String yaml) {
        return Yaml.readManifests(yaml, "apps/web.yaml").get(0);
    }

    private static Manifest substitute(String yaml, Map<String, String> vars) {
        return VariableSubstitution.apply(List.of(manifest(yaml)), vars, false).get(0);
    }

    private static final String DEPLOYMENT =
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: ${app}
              namespace: apps
            spec:
              replicas: ${replicas:=1}
            """;

    @Test
    void shouldTypeSubstitutedNumbersAsYamlWould() {
        Manifest result = substitute(DEPLOYMENT, Map.of("app", "web", "replicas", "3"));

        assertThat(result.get("spec", "replicas")).contains(3);
    }

    @Test
    void shouldTypeEvenQuotedPlaceholdersBecauseFluxReserialisesTheObject() {
        Manifest result = substitute(
                """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: cfg}
                data:
                  port: "${port}"
                  enabled: "${flag}"
                  ratio: ${ratio}
                  kept: "8080"
                """,
                Map.of("port", "8080", "flag", "yes", "ratio", "2.0"));

        assertThat(result.get("data", "port")).contains(8080);
        assertThat(result.get("data", "enabled")).contains(true);
        assertThat(result.get("data", "ratio")).contains(2);
        assertThat(result.get("data", "kept")).contains("8080");
    }

    @Test
    void shouldUseDefaultsForUnsetVariables() {
        Manifest result = substitute(DEPLOYMENT, Map.of("app", "web"));

        assertThat(result.get("spec", "replicas")).contains(1);
    }

    @Test
    void shouldComputeIdentityAfterSubstitution() {
        Manifest result = substitute(DEPLOYMENT, Map.of("app", "web"));

        assertThat(result.id()).isEqualTo(new ResourceId("apps", "Deployment", "apps", "web"));
        assertThat(result.origin()).isEqualTo("apps/web.yaml");
    }

    @Test
    void shouldSubstituteInKeys() {
        Manifest result = substitute(
                """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: cfg
                  labels:
                    ${team}/owner: ${team}
                """,
                Map.of("team", "blue"));

        assertThat(result.labels()).containsExactly(Map.entry("blue/owner", "blue"));
    }

    @Test
    void shouldTurnEscapesIntoLiteralsAndLeaveBareDollarsAlone() {
        Manifest result = substitute(
                """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: scripts}
                data:
                  run.sh: |
                    echo "$${HOME} $HOME ${greeting}"
                    echo 'it is ${who}'
                """,
                Map.of("greeting", "hi", "who", "Bob's"));

        assertThat(result.get("data", "run.sh")).contains("echo \"${HOME} $HOME hi\"\necho 'it is Bob's'\n");
    }

    @Test
    void shouldReadUnsetVariablesAsEmptyWhenNotStrict() {
        Manifest result = substitute(
                """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: cfg}
                data: {a: "x${missing}y", b: "${missing}"}
                """,
                Map.of("other", "1"));

        assertThat(result.get("data", "a")).contains("xy");
        assertThat(result.mutableCopy().get("data")).asInstanceOf(MAP).containsEntry("b", null);
    }

    @Test
    void shouldFailInStrictModeNamingObjectFileAndVariable() {
        List<Manifest> manifests = List.of(manifest(DEPLOYMENT.replace("${replicas:=1}", "${replicas}")));

        assertThatThrownBy(() -> VariableSubstitution.apply(manifests, Map.of("app", "web"), true))
                .isInstanceOf(SubstitutionException.class)
                .hasMessageContaining("Deployment/apps/${app}")
                .hasMessageContaining("(apps/web.yaml)")
                .hasMessageContaining("variable \"replicas\" is not set (strict mode)")
                .hasMessageContaining("set it in postBuild.substitute or give a default: ${replicas:=value}")
                .satisfies(e -> {
                    SubstitutionException s = (SubstitutionException) e;
                    assertThat(s.variable()).isEqualTo("replicas");
                    assertThat(s.origin()).isEqualTo("apps/web.yaml");
                    assertThat(s.subject()).isEqualTo("Deployment/apps/${app}");
                });
    }

    @Test
    void shouldAcceptDefaultsInStrictMode() {
        Manifest result = VariableSubstitution.apply(List.of(manifest(DEPLOYMENT)), Map.of("app", "web"), true)
                .get(0);

        assertThat(result.get("spec", "replicas")).contains(1);
    }

    @Test
    void shouldReportSyntaxErrorsWithTheObject() {
        List<Manifest> manifests = List.of(manifest(DEPLOYMENT.replace("${replicas:=1}", "\"${replicas\"")));

        assertThatThrownBy(() -> VariableSubstitution.apply(manifests, Map.of("app", "web"), false))
                .isInstanceOf(SubstitutionException.class)
                .hasMessageContaining("Deployment/apps/${app}")
                .hasMessageContaining("missing closing brace");
    }

    @Test
    void shouldReportResultsThatAreNoLongerYaml() {
        List<Manifest> manifests = List.of(manifest(DEPLOYMENT));

        assertThatThrownBy(() -> VariableSubstitution.apply(manifests, Map.of("app", "a: b"), false))
                .isInstanceOf(SubstitutionException.class)
                .hasMessageContaining("no longer a valid object")
                .hasMessageContaining("(apps/web.yaml)")
                .hasMessageContaining("app")
                .hasMessageNotContaining("a: b");
    }

    @Test
    void shouldLeaveObjectsThatOptOutByLabel() {
        Manifest optedOut = manifest(
                """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: ${app}
                  labels: {kustomize.toolkit.fluxcd.io/substitute: disabled}
                data: {a: "$${x}"}
                """);

        assertThat(VariableSubstitution.apply(List.of(optedOut), Map.of("app", "web"), true))
                .containsExactly(optedOut);
        assertThat(VariableSubstitution.referencedVariables(optedOut)).isEmpty();
    }

    @Test
    void shouldLeaveObjectsThatOptOutByAnnotation() {
        Manifest optedOut = manifest(
                """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: ${app}
                  annotations: {kustomize.toolkit.fluxcd.io/substitute: disabled}
                """);

        assertThat(VariableSubstitution.apply(List.of(optedOut), Map.of("app", "web"), false))
                .containsExactly(optedOut);
    }

    @Test
    void shouldRejectInvalidVariableNamesNamingThem() {
        assertThatThrownBy(
                        () -> VariableSubstitution.apply(List.of(manifest(DEPLOYMENT)), Map.of("my-app", "x"), false))
                .isInstanceOf(SubstitutionException.class)
                .hasMessageContaining("\"my-app\"")
                .hasMessageContaining(VariableSubstitution.NAME_RULE)
                .extracting(e -> ((SubstitutionException) e).variable())
                .isEqualTo("my-app");
        assertThatThrownBy(() -> VariableSubstitution.apply(List.of(), Map.of("1st", "x"), false))
                .isInstanceOf(SubstitutionException.class);
        assertThatThrownBy(() -> VariableSubstitution.apply(List.of(), Map.of("\u00e9t\u00e9", "x"), false))
                .isInstanceOf(SubstitutionException.class);
    }

    @Test
    void shouldNotSubstituteAtAllWithoutVariables() {
        Manifest original = manifest(DEPLOYMENT);

        assertThat(VariableSubstitution.apply(List.of(original), Map.of(), true))
                .containsExactly(original);
    }

    @Test
    void shouldDropLineFeedsFromValuesAsFluxDoes() {
        Manifest result = substitute(DEPLOYMENT, Map.of("app", "we\nb"));

        assertThat(result.name()).isEqualTo("web");
    }

    @Test
    void shouldListReferencedVariables() {
        assertThat(VariableSubstitution.referencedVariables(manifest(DEPLOYMENT)))
                .containsExactly("app", "replicas");
    }
}
