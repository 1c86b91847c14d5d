package io.jenkins.plugins.gitops.jenkins.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitops.jenkins.runner.Operation;
import io.jenkins.plugins.gitops.jenkins.runner.RunSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepParametersTest {

    @Test
    void shouldBindApplyWithOnlyThePathAndDocumentedDefaults() {
        GitOpsApplyStep step = new GitOpsApplyStep("clusters/prod");

        assertThat(step.getPath()).isEqualTo("clusters/prod");
        assertThat(step.getRepo()).isEmpty();
        assertThat(step.getRef()).isEmpty();
        assertThat(step.getKubeconfigCredentialsId()).isEmpty();
        assertThat(step.getContext()).isEmpty();
        assertThat(step.getGitCredentialsId()).isEmpty();
        assertThat(step.getUnits()).isEmpty();
        assertThat(step.getPrune()).isNull();
        assertThat(step.isDryRun()).isFalse();
        assertThat(step.getTimeout()).isZero();
        assertThat(step.getParallel()).isZero();
        assertThat(step.getFleet()).isEmpty();
        assertThat(step.getFailOn()).isEqualTo("FAILURE");

        RunSettings settings = step.settings();
        assertThat(settings.operation()).isEqualTo(Operation.APPLY);
        assertThat(settings.fleetName()).isEqualTo("workspace#clusters/prod");
        assertThat(settings.failOn()).isEqualTo("FAILURE");
    }

    @Test
    void shouldBindApplySettersIntoTheRunnerSettings() {
        GitOpsApplyStep step = new GitOpsApplyStep(" clusters/prod/ ");
        step.setRepo("https://git.example.com/fleet.git");
        step.setRef("tag:v1");
        step.setKubeconfigCredentialsId("prod-kubeconfig");
        step.setContext("prod");
        step.setGitCredentialsId("git-token");
        step.setUnits("flux-system/apps, flux-system/infra");
        step.setPrune(true);
        step.setDryRun(true);
        step.setTimeout(120);
        step.setParallel(2);
        step.setFleet("prod");
        step.setFailOn("unstable");

        RunSettings s = step.settings();
        assertThat(s.repository()).isEqualTo("https://git.example.com/fleet.git");
        assertThat(s.ref()).isEqualTo("tag:v1");
        assertThat(s.kubeconfigCredentialsId()).isEqualTo("prod-kubeconfig");
        assertThat(s.context()).isEqualTo("prod");
        assertThat(s.gitCredentialsId()).isEqualTo("git-token");
        assertThat(s.units()).containsExactly("flux-system/apps", "flux-system/infra");
        assertThat(s.prune()).isTrue();
        assertThat(s.dryRun()).isTrue();
        assertThat(s.timeoutSeconds()).isEqualTo(120);
        assertThat(s.parallelism()).isEqualTo(2);
        assertThat(s.fleetName()).isEqualTo("prod");
        assertThat(s.failOn()).isEqualTo("UNSTABLE");
    }

    @Test
    void shouldDeriveTheFleetNameFromRepositoryAndPath() {
        GitOpsPlanStep step = new GitOpsPlanStep("./clusters/prod/");
        step.setRepo("https://git.example.com/fleet.git/");

        assertThat(step.settings().fleetName()).isEqualTo("https://git.example.com/fleet.git#clusters/prod");
        assertThat(step.settings().operation()).isEqualTo(Operation.PLAN);
    }

    @Test
    void shouldDefaultDiffToReportOnly() {
        GitOpsDiffStep step = new GitOpsDiffStep("clusters/prod");
        assertThat(step.isCorrect()).isFalse();
        assertThat(step.getPrune()).isNull();
        assertThat(step.getFailOn()).isEqualTo("FAILURE");
        step.setCorrect(true);
        assertThat(step.settings().correct()).isTrue();
        assertThat(step.settings().operation()).isEqualTo(Operation.DIFF);
    }

    @Test
    void shouldBindWaitWithNoRequiredValues() {
        GitOpsWaitHealthyStep step = new GitOpsWaitHealthyStep();
        assertThat(step.getPath()).isEmpty();
        assertThat(step.getObjects()).isEmpty();
        step.setObjects("Deployment/apps/web, apps/v1:StatefulSet/db/pg");
        step.setTimeout(600);
        RunSettings s = step.settings();
        assertThat(s.objects()).containsExactly("Deployment/apps/web", "apps/v1:StatefulSet/db/pg");
        assertThat(s.timeoutSeconds()).isEqualTo(600);
        assertThat(s.operation()).isEqualTo(Operation.WAIT);
    }

    @Test
    void shouldNameTheStepsAsDocumented() {
        assertThat(List.of(
                        new GitOpsApplyStep.DescriptorImpl().getFunctionName(),
                        new GitOpsPlanStep.DescriptorImpl().getFunctionName(),
                        new GitOpsDiffStep.DescriptorImpl().getFunctionName(),
                        new GitOpsWaitHealthyStep.DescriptorImpl().getFunctionName()))
                .containsExactly("gitopsApply", "gitopsPlan", "gitopsDiff", "gitopsWaitHealthy");
        assertThat(new java.util.HashSet<Object>(new GitOpsApplyStep.DescriptorImpl().getRequiredContext()))
                .contains(
                        hudson.model.Run.class,
                        hudson.FilePath.class,
                        hudson.EnvVars.class,
                        hudson.model.TaskListener.class);
    }

    @Test
    void shouldKeepUrlCredentialsOutOfTheFleetNameStoredWithTheBuild() {
        GitOpsApplyStep step = new GitOpsApplyStep("clusters/prod");
        step.setRepo("https://bot:s3cr3t-token@git.example/fleet.git");

        assertThat(step.settings().fleetName()).isEqualTo("https://git.example/fleet.git#clusters/prod");
    }
}
