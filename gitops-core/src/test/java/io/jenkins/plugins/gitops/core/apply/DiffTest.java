package io.jenkins.plugins.gitops.core.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitops.core.model.Manifest;
import io.jenkins.plugins.gitops.core.yaml.Yaml;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiffTest {

    final FakeCluster cluster = new FakeCluster();
    final ResourceManager manager =
            new ResourceManager(cluster, ManagerOptions.defaults().withTicker(new FakeTicker()));
    final DiffOptions opts = DiffOptions.defaults().withUnit("web", "flux-system");

    static Manifest one(String yaml) {
        return Yaml.readManifests(yaml, "test.yaml").get(0);
    }

    static final String DEPLOYMENT =
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: apps}
            spec:
              replicas: %d
              template:
                spec:
                  containers: [{name: web, image: "web:%s"}]
            """;

    void applied(String yaml) {
        manager.applyAllStaged(
                Yaml.readManifests(yaml, "live.yaml"),
                ApplyAllOptions.defaults().withUnit("web", "flux-system"));
    }

    @Test
    void shouldReportNoDriftForAnObjectAsApplied() {
        applied(DEPLOYMENT.formatted(2, "1"));

        Diff diff = manager.diff(one(DEPLOYMENT.formatted(2, "1")), opts);

        assertThat(diff.drifted()).isFalse();
        assertThat(diff.action()).isEqualTo(Action.UNCHANGED);
        assertThat(diff.text()).isEmpty();
        assertThat(cluster.writes).hasSize(1);
    }

    @Test
    void shouldShowChangedFieldsAsAUnifiedDiff() {
        applied(DEPLOYMENT.formatted(2, "1"));

        Diff diff = manager.diff(one(DEPLOYMENT.formatted(3, "2")), opts);

        assertThat(diff.drifted()).isTrue();
        assertThat(diff.action()).isEqualTo(Action.CONFIGURED);
        assertThat(diff.text())
                .startsWith("--- live Deployment/apps/web\n+++ desired Deployment/apps/web\n@@ ")
                .contains("-  replicas: 2\n+  replicas: 3\n", "-      - image: web:1\n+      - image: web:2\n")
                .doesNotContain("resourceVersion", "managedFields", "uid");
    }

    @Test
    void shouldShowANewObjectAsAllAdded() {
        Diff diff = manager.diff(one(DEPLOYMENT.formatted(1, "1")), opts);

        assertThat(diff.action()).isEqualTo(Action.CREATED);
        assertThat(diff.text()).contains("@@ -0,0 +1,", "+kind: Deployment");
    }

    @Test
    void shouldMaskSecretValuesOnBothSidesButShowWhichKeysChanged() {
        String secret =
                """
                apiVersion: v1
                kind: Secret
                metadata: {name: creds, namespace: apps}
                data: {password: %s, user: YWRtaW4=}
                """;
        applied(secret.formatted("b2xkLXNlY3JldA=="));

        Diff diff = manager.diff(one(secret.formatted("bmV3LXNlY3JldA==")), opts);

        assertThat(diff.drifted()).isTrue();
        assertThat(diff.text())
                .contains("-  password: '***** (before)'", "+  password: '***** (after)'", "  user: '*****'")
                .doesNotContain("b2xkLXNlY3JldA==", "bmV3LXNlY3JldA==", "YWRtaW4=");
    }

    @Test
    void shouldIgnoreFieldsNamedByIgnoreRulesForMatchingTargets() {
        applied(DEPLOYMENT.formatted(2, "1"));
        Manifest scaled = one(DEPLOYMENT.formatted(5, "1"));

        IgnoreRule replicasOfWeb = IgnoreRule.of("/spec/replicas")
                .forTarget(TargetSelector.kind("Deployment").withName("web").withNamespace("apps"));
        IgnoreRule replicasOfOthers = IgnoreRule.of("/spec/replicas").forTarget(TargetSelector.kind("StatefulSet"));

        assertThat(manager.diff(scaled, opts.withIgnore(List.of(replicasOfWeb))).drifted())
                .isFalse();
        assertThat(manager.diff(scaled, opts.withIgnore(List.of(replicasOfOthers)))
                        .drifted())
                .isTrue();
    }

    @Test
    void shouldMatchIgnoreTargetsByLabelSelectorAndEscapedPointers() {
        String annotated =
                """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                  namespace: apps
                  labels: {tier: web}
                  annotations: {example.com/last-sync: "%s"}
                data: {key: value}
                """;
        applied(annotated.formatted("monday"));
        Manifest later = one(annotated.formatted("tuesday"));
        IgnoreRule rule = IgnoreRule.of("/metadata/annotations/example.com~1last-sync");

        assertThat(manager.diff(
                                later,
                                opts.withIgnore(
                                        List.of(rule.forTarget(TargetSelector.ALL.withLabelSelector("tier=web")))))
                        .drifted())
                .isFalse();
        assertThat(manager.diff(
                                later,
                                opts.withIgnore(
                                        List.of(rule.forTarget(TargetSelector.ALL.withLabelSelector("tier!=web")))))
                        .text())
                .contains("-    example.com/last-sync: monday", "+    example.com/last-sync: tuesday");
    }

    @Test
    void shouldSkipObjectsTheApplyWouldSkip() {
        applied(
                """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: a, namespace: apps}
                data: {key: one}
                """);

        Diff diff = manager.diff(
                one(
                        """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: a
                  namespace: apps
                  annotations: {kustomize.toolkit.fluxcd.io/ssa: IfNotPresent}
                data: {key: two}
                """),
                opts);

        assertThat(diff.action()).isEqualTo(Action.SKIPPED);
        assertThat(diff.drifted()).isFalse();
    }

    @Test
    void shouldFailForKindsNotServed() {
        assertThatThrownBy(() -> manager.diff(one(ApplyAllStagedTest.WIDGET), opts))
                .isInstanceOf(ApplyException.class)
                .hasMessageContaining("CRD not established");
    }
}
