package io.jenkins.plugins.gitops.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package map of {@code docs/architecture.md}, held by tests. */
class ArchitectureTest {

    private static final String CORE = "io.jenkins.plugins.gitops.core";
    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(CORE);
    }

    @Test
    void coreShouldKnowNothingOfJenkins() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("hudson..", "jenkins..", "org.jenkinsci..", "org.kohsuke.stapler..")
                .because("the engine runs on agents and in the command line without Jenkins")
                .check(core);
    }

    @Test
    void onlyTheGitSourcePackageShouldUseJGit() {
        noClasses()
                .that()
                .resideOutsideOfPackage(CORE + ".source.git..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.eclipse.jgit..")
                .because("JGit lives behind the SourceFetcher port")
                .check(core);
    }

    @Test
    void onlyTheFabric8PackageShouldUseTheKubernetesClient() {
        noClasses()
                .that()
                .resideOutsideOfPackage(CORE + ".cluster.fabric8..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.fabric8..")
                .because("the fabric8 client lives behind the ClusterClient port")
                .check(core);
    }

    @Test
    void onlyTheHealthPackageShouldUseCel() {
        noClasses()
                .that()
                .resideOutsideOfPackage(CORE + ".health..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.cel..")
                .because("CEL evaluates healthCheckExprs and nothing else; CelHealthCheck keeps it behind HealthRule")
                .check(core);
    }

    @Test
    void onlyTheYamlPackageShouldUseTheYamlLibrary() {
        noClasses()
                .that()
                .resideOutsideOfPackage(CORE + ".yaml..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.snakeyaml..")
                .check(core);
    }

    @Test
    void lowerLayersShouldNotReachUp() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        CORE + ".model..", CORE + ".yaml..", CORE + ".source..", CORE + ".render..", CORE + ".subst..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        CORE + ".fleet..",
                        CORE + ".plan..",
                        CORE + ".cluster..",
                        CORE + ".apply..",
                        CORE + ".health..",
                        CORE + ".state..",
                        CORE + ".reconcile..")
                .because("sources, rendering and substitution are used by the fleet loader, never the other way")
                .check(core);
        noClasses()
                .that()
                .resideInAPackage(CORE + ".fleet..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(CORE + ".plan..")
                .check(core);
    }

    @Test
    void theClusterSideShouldNotReachUp() {
        noClasses()
                .that()
                .resideInAnyPackage(CORE + ".cluster..", CORE + ".apply..", CORE + ".health..", CORE + ".state..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(CORE + ".reconcile..", CORE + ".plan..", CORE + ".fleet..")
                .because("applying, health and state work on objects; only reconcile knows fleets and plans")
                .check(core);
        noClasses()
                .that()
                .resideInAPackage(CORE + ".cluster..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(CORE + ".apply..", CORE + ".health..", CORE + ".state..")
                .because("the ClusterClient port is the bottom of the cluster side")
                .check(core);
        noClasses()
                .that()
                .resideInAPackage(CORE + ".apply..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(CORE + ".health..")
                .check(core);
        noClasses()
                .that()
                .resideInAPackage(CORE + ".health..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(CORE + ".apply..")
                .because("apply and health are independent; reconcile combines them")
                .check(core);
    }

    @Test
    void packagesShouldBeFreeOfCycles() {
        SlicesRuleDefinition.slices()
                .matching(CORE + ".(*)..")
                .should()
                .beFreeOfCycles()
                .check(core);
    }
}
