package io.jenkins.plugins.gitops.jenkins;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The plugin loads its own Guava (and the other libraries Jenkins core also ships) first: a
 * {@code PluginFirstClassLoader2}. Jenkins' API was linked against core's copy, so a call whose descriptor names
 * such a type ({@code StepContext.saveState()} returns {@code ListenableFuture}) meets two classes of one name
 * and fails with a loader-constraint {@code LinkageError}. See docs/architecture.md.
 */
class ClassLoadingBoundaryTest {

    /** Libraries both the .hpi and Jenkins 2.479.3 ship: Guava (with failureaccess), commons-codec, ANTLR. */
    private static final DescribedPredicate<JavaClass> SHIPPED_BY_BOTH = resideInAnyPackage(
                    "com.google.common..", "org.apache.commons.codec..", "org.antlr.v4..")
            .as("a Guava, commons-codec or ANTLR type");

    private static final DescribedPredicate<JavaClass> JENKINS_API = resideInAnyPackage(
                    "hudson..", "jenkins..", "org.jenkinsci..", "org.kohsuke..", "com.cloudbees..")
            .as("Jenkins, Pipeline, Stapler or credentials API");

    private static JavaClasses plugin;

    @BeforeAll
    static void importPlugin() {
        plugin = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.jenkins.plugins.gitops.jenkins");
    }

    @Test
    void shouldNeverCallJenkinsApiWhoseSignatureNamesGuava() {
        classes()
                .should(notUseJenkinsApiNaming(SHIPPED_BY_BOTH))
                .because("the plugin's Guava is not Jenkins' Guava: such a call fails with a LinkageError"
                        + " (onSuccess and onFailure of StepContext are fine, their signatures name no Guava type)")
                .check(plugin);
    }

    @Test
    void shouldNeverExtendOrImplementAGuavaType() {
        classes()
                .should(notExtendOrImplement(SHIPPED_BY_BOTH))
                .because("a FutureCallback of the plugin's Guava is no FutureCallback to Jenkins")
                .check(plugin);
    }

    @Test
    void shouldHoldTheRulesToThePluginsMainClasses() {
        // an empty import would pass every rule
        assertThat(plugin.contain("io.jenkins.plugins.gitops.jenkins.steps.GitOpsWaitHealthyStep$Execution"))
                .isTrue();
        assertThat(plugin.contain("io.jenkins.plugins.gitops.jenkins.doubles.FakeStepContext"))
                .isFalse();
    }

    /** Calls, references and field accesses whose target is a Jenkins API member with such a type in its descriptor. */
    private static ArchCondition<JavaClass> notUseJenkinsApiNaming(DescribedPredicate<JavaClass> types) {
        return new ArchCondition<>("not call or access a member of the " + JENKINS_API.getDescription()
                + " whose parameter, return or field type is " + types.getDescription()) {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                for (JavaAccess<?> access : javaClass.getAccessesFromSelf()) {
                    AccessTarget target = access.getTarget();
                    // our own subclass may be the owner of an inherited Jenkins method: judge where it is declared
                    JavaClass declaring =
                            target.resolveMember().map(JavaMember::getOwner).orElse(target.getOwner());
                    if (!JENKINS_API.test(target.getOwner()) && !JENKINS_API.test(declaring)) {
                        continue;
                    }
                    signature(target)
                            .filter(t -> types.test(t.getBaseComponentType()))
                            .findFirst()
                            .ifPresent(t -> events.add(SimpleConditionEvent.violated(
                                    access, access.getDescription() + " names " + t.getName())));
                }
            }
        };
    }

    private static Stream<JavaClass> signature(AccessTarget target) {
        List<JavaClass> types = new ArrayList<>();
        if (target instanceof AccessTarget.CodeUnitAccessTarget codeUnit) {
            types.addAll(codeUnit.getRawParameterTypes());
            types.add(codeUnit.getRawReturnType());
        } else if (target instanceof AccessTarget.FieldAccessTarget field) {
            types.add(field.getRawType());
        }
        return types.stream();
    }

    private static ArchCondition<JavaClass> notExtendOrImplement(DescribedPredicate<JavaClass> types) {
        return new ArchCondition<>("not extend or implement " + types.getDescription()) {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                Stream.concat(javaClass.getRawSuperclass().stream(), javaClass.getRawInterfaces().stream())
                        .filter(types)
                        .forEach(t -> events.add(SimpleConditionEvent.violated(
                                javaClass, javaClass.getName() + " extends or implements " + t.getName())));
            }
        };
    }
}
