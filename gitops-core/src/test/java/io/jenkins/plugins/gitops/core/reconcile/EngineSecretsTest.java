package io.jenkins.plugins.gitops.core.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.jenkins.plugins.gitops.core.apply.Diff;
import io.jenkins.plugins.gitops.core.cluster.RetryPolicy;
import io.jenkins.plugins.gitops.core.cluster.fabric8.Fabric8ClusterClient;
import io.jenkins.plugins.gitops.core.testing.emulator.ApiEmulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secret values, read for {@code postBuild.substituteFrom} or written in Git, reach the cluster but
 * none of the engine's outputs: events, the JSON report, drift texts and error messages.
 */
class EngineSecretsTest {

    static final String PASSWORD = "s3cr3t-db-password";
    static final String NEW_PASSWORD = "n3w-s3cr3t-password";
    static final String TOKEN = "g1t-t0ken-value";
    static final String NEW_TOKEN = "n3w-g1t-t0ken-value";

    @TempDir
    Path dir;

    private EmulatedFleet fleet;

    @BeforeEach
    void setUp() {
        EmulatedFleet.assumeKustomize();
        fleet = new EmulatedFleet(dir.resolve("fleet"));
    }

    static String base64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    /** Every form in which the secrets could leak. */
    static List<String> forbidden() {
        List<String> values = new ArrayList<>();
        for (String v : List.of(PASSWORD, NEW_PASSWORD, TOKEN, NEW_TOKEN)) {
            values.add(v);
            values.add(base64(v));
        }
        return values;
    }

    /** The Secret and ConfigMap {@code substituteFrom} reads, in {@code flux-system}. */
    static void createSources(ApiEmulator emulator, String password) {
        emulator.client()
                .secrets()
                .inNamespace("flux-system")
                .resource(new SecretBuilder()
                        .withNewMetadata()
                        .withName("db-credentials")
                        .endMetadata()
                        .addToData("password", base64(password))
                        .build())
                .createOr(r -> r.update());
        emulator.client()
                .configMaps()
                .inNamespace("flux-system")
                .resource(new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName("settings")
                        .endMetadata()
                        .addToData("region", "eu-west-1")
                        .build())
                .createOr(r -> r.update());
    }

    static final String SUBSTITUTE =
            """
              postBuild:
                substituteFrom:
                  - kind: ConfigMap
                    name: settings
                  - kind: Secret
                    name: db-credentials
            """;

    static final String APP_CONFIG =
            """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: app-config
              namespace: default
            data:
              dsn: "postgres://app:${password}@db.${region}.example.com/app"
            """;

    static final String APP =
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: app
              namespace: default
            spec:
              replicas: 1
              selector:
                matchLabels:
                  app: app
              template:
                metadata:
                  labels:
                    app: app
                spec:
                  containers:
                    - name: app
                      image: nginx:1.27
                      env:
                        - name: DB_PASSWORD
                          value: "${password}"
            """;

    static String gitSecret(String token) {
        return "apiVersion: v1\nkind: Secret\nmetadata:\n  name: api-token\n  namespace: default\n"
                + "type: Opaque\nstringData:\n  token: \"" + token + "\"\n";
    }

    static final String LEAKY =
            """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: leaky
              namespace: default
            data:
              password: "${password}"
            """;

    /** A fleet with unit {@code app} (substituted ConfigMap, Deployment and a Git Secret) and unit {@code leaky}. */
    static void writeFleet(EmulatedFleet fleet, String token) {
        fleet.unit("app", SUBSTITUTE)
                .objects("app", APP_CONFIG, APP, gitSecret(token))
                .unit("leaky", SUBSTITUTE)
                .objects("leaky", LEAKY);
    }

    /** The server rejects {@code leaky} with a message that echoes the value, as real validation messages do. */
    static void rejectLeaky(ApiEmulator emulator, String password) {
        emulator.failAlways(
                r -> r.isApply() && r.path().endsWith("/configmaps/leaky"),
                422,
                "ConfigMap \"leaky\" is invalid: data[password]: Invalid value: \"" + password
                        + "\": must not be a password (" + base64(password) + ")");
    }

    @Test
    void shouldKeepSecretValuesOutOfEventsReportsDiffsAndErrors() throws Exception {
        writeFleet(fleet, TOKEN);
        try (ApiEmulator emulator = new ApiEmulator().readyWorkloads().start();
                Fabric8ClusterClient cluster = new Fabric8ClusterClient(emulator.client(), RetryPolicy.defaults())) {
            EmulatedFleet.prepare(emulator);
            createSources(emulator, PASSWORD);
            rejectLeaky(emulator, PASSWORD);
            ReconcileEngine engine = fleet.engine(cluster);
            List<String> outputs = new ArrayList<>();

            ReconcileReport applied = fleet.apply(engine, ReconcileOptions.defaults());
            outputs.add(ReportJson.write(applied));
            Map<String, UnitReport> units =
                    applied.units().stream().collect(Collectors.toMap(UnitReport::id, Function.identity()));

            // the values did reach the cluster
            assertThat(emulator.stored("", "configmaps"))
                    .anySatisfy(cm -> assertThat(cm.path("data").path("dsn").asText())
                            .isEqualTo("postgres://app:" + PASSWORD + "@db.eu-west-1.example.com/app"));
            assertThat(emulator.stored("apps", "deployments").get(0).toString()).contains(PASSWORD);
            assertThat(units.get("flux-system/app").status())
                    .as(units.get("flux-system/app").message())
                    .isEqualTo(UnitStatus.READY);
            // the failure is reported, without the value
            UnitReport leaky = units.get("flux-system/leaky");
            assertThat(leaky.status()).isEqualTo(UnitStatus.FAILED);
            assertThat(leaky.message()).contains("ConfigMap/default/leaky", "Invalid value", "*****");

            // drift: a new value in the cluster Secret, a new token in Git
            createSources(emulator, NEW_PASSWORD);
            writeFleet(fleet, NEW_TOKEN);
            emulator.clearFaults();
            DriftReport drift = engine.diff(fleet.request(), ReconcileOptions.defaults());
            List<String> texts = drift.units().stream()
                    .flatMap(u -> u.diffs().stream())
                    .filter(Diff::drifted)
                    .map(d -> d.object() + "\n" + d.text())
                    .toList();
            outputs.addAll(texts);
            drift.units().stream().filter(u -> u.error() != null).forEach(u -> outputs.add(u.error()));
            assertThat(texts)
                    .anySatisfy(t -> assertThat(t)
                            .startsWith("ConfigMap/default/app-config")
                            .contains("dsn"))
                    .anySatisfy(t ->
                            assertThat(t).startsWith("Deployment/default/app").contains("DB_PASSWORD"))
                    .anySatisfy(t -> assertThat(t)
                            .startsWith("Secret/default/api-token")
                            .contains("token: '***** (before)'", "token: '***** (after)'"));

            // and a failing run after the change
            rejectLeaky(emulator, NEW_PASSWORD);
            ReconcileReport again = fleet.apply(engine, ReconcileOptions.defaults());
            outputs.add(ReportJson.write(again));
            fleet.events.forEach(e -> outputs.add(e.toString()));
            for (ReconcileReport r : List.of(applied, again)) {
                r.units().forEach(u -> outputs.add(u.message()));
            }

            assertNoSecrets(outputs);
        }
    }

    /** Fails naming the output and the value when any output holds a secret value, plain or base64. */
    static void assertNoSecrets(List<String> outputs) {
        for (String output : outputs) {
            for (String value : forbidden()) {
                assertThat(output).as("an output holds %s", value).doesNotContain(value);
            }
        }
    }
}
