package io.jenkins.plugins.gitops.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;

/** Opens the {@code .hpi} the package phase built (run in {@code verify}, see the pom). */
class HpiLayoutTest {

    private static final Path HPI = Path.of(System.getProperty("gitops.hpi", "target/gitops.hpi"));
    private static final String VERSION = System.getProperty("gitops.version", "0.1.0-SNAPSHOT");

    @Test
    void shouldCarryTheManifestEntriesJenkinsReads() throws IOException {
        try (JarFile hpi = new JarFile(HPI.toFile())) {
            assertManifest(hpi.getManifest().getMainAttributes());
        }
    }

    @Test
    void shouldBundleThePluginJarAndRuntimeDependenciesButNoJenkinsApi() throws IOException {
        List<String> libs = libs();
        assertThat(libs)
                .contains("WEB-INF/lib/gitops.jar")
                .anyMatch(l -> l.startsWith("WEB-INF/lib/gitops-core-"))
                .anyMatch(l -> l.startsWith("WEB-INF/lib/org.eclipse.jgit-"))
                .anyMatch(l -> l.startsWith("WEB-INF/lib/kubernetes-client-"))
                .anyMatch(l -> l.startsWith("WEB-INF/lib/jackson-databind-"))
                .noneMatch(l -> l.contains("jenkins-api-stubs"))
                .noneMatch(l -> l.contains("jenkins-annotation-processor"))
                .noneMatch(l -> l.contains("sezpoz"))
                .noneMatch(l -> l.contains("servlet-api"))
                .noneMatch(l -> l.contains("spring-security"))
                .noneMatch(l -> l.contains("spotbugs-annotations"))
                .noneMatch(l -> l.contains("junit") || l.contains("assertj") || l.contains("server-mock"));
    }

    @Test
    void shouldHaveAPluginJarWithManifestIndexJellyAndBothIndexes() throws IOException {
        byte[] jar = entry("WEB-INF/lib/gitops.jar");
        List<String> names = new ArrayList<>();
        String extensions = null;
        String symbols = null;
        String index = null;
        try (JarInputStream in = new JarInputStream(new java.io.ByteArrayInputStream(jar))) {
            assertManifest(in.getManifest().getMainAttributes());
            JarEntry e;
            while ((e = in.getNextJarEntry()) != null) {
                names.add(e.getName());
                switch (e.getName()) {
                    case "META-INF/annotations/hudson.Extension" -> extensions = text(in);
                    case "META-INF/annotations/org.jenkinsci.Symbol" -> symbols = text(in);
                    case "index.jelly" -> index = text(in);
                    default -> {}
                }
            }
        }
        assertThat(index).isNotNull().startsWith("<?jelly escape-by-default='true'?>");
        // sezpoz writes a binary (serialized) index: the class names appear in it as strings
        assertThat(extensions).isNotNull();
        assertThat(symbols).isNotNull();
        for (String type : List.of(
                "io.jenkins.plugins.gitops.jenkins.config.GitOpsGlobalConfiguration",
                "io.jenkins.plugins.gitops.jenkins.steps.GitOpsApplyStep$DescriptorImpl",
                "io.jenkins.plugins.gitops.jenkins.steps.GitOpsPlanStep$DescriptorImpl",
                "io.jenkins.plugins.gitops.jenkins.steps.GitOpsDiffStep$DescriptorImpl",
                "io.jenkins.plugins.gitops.jenkins.steps.GitOpsWaitHealthyStep$DescriptorImpl",
                "io.jenkins.plugins.gitops.jenkins.freestyle.GitOpsApplyBuilder$DescriptorImpl",
                "io.jenkins.plugins.gitops.jenkins.freestyle.GitOpsDiffBuilder$DescriptorImpl",
                "io.jenkins.plugins.gitops.jenkins.freestyle.GitOpsWaitBuilder$DescriptorImpl")) {
            assertThat(extensions).as("@Extension index").contains(type);
            assertThat(symbols.lines().toList()).as("@Symbol index").contains(type);
            assertThat(names).contains(type.replace('.', '/') + ".class");
        }
    }

    @Test
    void shouldCompileWithParameterNames() throws IOException {
        byte[] jar = entry("WEB-INF/lib/gitops.jar");
        try (JarInputStream in = new JarInputStream(new java.io.ByteArrayInputStream(jar))) {
            JarEntry e;
            while ((e = in.getNextJarEntry()) != null) {
                if (e.getName().equals("io/jenkins/plugins/gitops/jenkins/steps/GitOpsApplyStep.class")) {
                    // javac -parameters writes a MethodParameters attribute naming the constructor's "path"
                    String bytes = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
                    assertThat(bytes).contains("MethodParameters");
                    return;
                }
            }
        }
        throw new AssertionError("GitOpsApplyStep.class not in the plugin jar");
    }

    @Test
    void shouldShipEveryJarWithOurClassesWithAManifestJenkinsClassFilterAccepts() throws IOException {
        // Results of the agent callable cross the channel; ChannelClassesTest checks only our classes do.
        Map<String, Attributes> ours = new TreeMap<>();
        forEachLib((lib, jar) -> {
            if (jar.entries.stream()
                    .anyMatch(n -> n.startsWith("io/jenkins/plugins/gitops/") && n.endsWith(".class"))) {
                ours.put(lib, jar.manifest);
            }
        });

        assertThat(ours.keySet())
                .hasSize(2)
                .contains("WEB-INF/lib/gitops.jar")
                .anyMatch(l -> l.startsWith("WEB-INF/lib/gitops-core-"));
        ours.forEach((lib, manifest) -> assertThat(acceptedByJenkinsClassFilter(manifest))
                .as("%s: Jenkins would reject its classes coming back from an agent", lib)
                .isTrue());
        ours.forEach((lib, manifest) -> {
            if (lib.startsWith("WEB-INF/lib/gitops-core-")) {
                assertThat(manifest.getValue("Short-Name"))
                        .as("not a plugin jar")
                        .isNull();
                assertThat(manifest.getValue("Jenkins-ClassFilter-Whitelisted")).isEqualTo("true");
            }
        });
    }

    @Test
    void shouldTestWithTheGuavaItShips() throws IOException {
        // plugin-first class loading: the plugin runs on its own Guava, not on Jenkins core's
        String tested = Path.of(com.google.common.base.Preconditions.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .getPath())
                .getFileName()
                .toString();
        assertThat(libs()).contains("WEB-INF/lib/" + tested);
    }

    @Test
    void shouldLeaveSlf4jToJenkinsCore() throws IOException {
        assertThat(libs()).noneMatch(l -> l.startsWith("WEB-INF/lib/slf4j-"));
        // nor an SLF4J API, binding or provider inside another jar (logback, log4j-slf4j2-impl, a shaded copy...)
        forEachLib((lib, jar) -> assertThat(jar.entries)
                .as(lib)
                .noneMatch(n -> n.startsWith("org/slf4j/")
                        || n.equals("META-INF/services/org.slf4j.spi.SLF4JServiceProvider")
                        || n.startsWith("ch/qos/logback/")));
    }

    /**
     * {@code isPluginManifest} of {@code jenkins.security.ClassFilterImpl} (Jenkins 2.479.3): the controller's
     * class filter accepts a class that is not on core's whitelist only if its jar's manifest passes this.
     */
    static boolean acceptedByJenkinsClassFilter(Attributes main) {
        return main.getValue("Short-Name") != null
                        && (main.getValue("Plugin-Version") != null || main.getValue("Jenkins-Version") != null)
                || "true".equals(main.getValue("Jenkins-ClassFilter-Whitelisted"));
    }

    private record Lib(Attributes manifest, List<String> entries) {}

    private interface LibCheck {
        void check(String name, Lib lib) throws IOException;
    }

    private static void forEachLib(LibCheck check) throws IOException {
        for (String name : libs()) {
            try (JarInputStream in = new JarInputStream(new java.io.ByteArrayInputStream(entry(name)))) {
                Manifest manifest = in.getManifest();
                List<String> entries = new ArrayList<>();
                JarEntry e;
                while ((e = in.getNextJarEntry()) != null) {
                    entries.add(e.getName());
                }
                check.check(name, new Lib(manifest == null ? new Attributes() : manifest.getMainAttributes(), entries));
            }
        }
    }

    private static void assertManifest(Attributes main) {
        assertThat(main.getValue("Short-Name")).isEqualTo("gitops");
        assertThat(main.getValue("Long-Name")).isEqualTo("GitOps Steps for Jenkins");
        assertThat(main.getValue("Plugin-Version")).isEqualTo(VERSION);
        assertThat(main.getValue("Jenkins-Version")).isEqualTo("2.479.3");
        assertThat(main.getValue("Group-Id")).isEqualTo("io.jenkins.plugins.gitops");
        assertThat(main.getValue("PluginFirstClassLoader")).isEqualTo("true");
        assertThat(main.getValue("Plugin-Dependencies"))
                .isEqualTo("workflow-step-api:710.v3e456cc85233,structs:362.va_b_695ef4fdf9,"
                        + "credentials:1453.v9b_a_29777a_b_fd,plain-credentials:199.v9f8e1f741799");
    }

    private static List<String> libs() throws IOException {
        List<String> libs = new ArrayList<>();
        try (JarFile hpi = new JarFile(HPI.toFile())) {
            hpi.stream()
                    .map(JarEntry::getName)
                    .filter(n -> n.startsWith("WEB-INF/lib/") && n.endsWith(".jar"))
                    .forEach(libs::add);
        }
        return libs;
    }

    private static byte[] entry(String name) throws IOException {
        try (JarFile hpi = new JarFile(HPI.toFile())) {
            JarEntry e = hpi.getJarEntry(name);
            assertThat(e).as(name).isNotNull();
            try (InputStream in = hpi.getInputStream(e)) {
                return in.readAllBytes();
            }
        }
    }

    private static String text(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
}
