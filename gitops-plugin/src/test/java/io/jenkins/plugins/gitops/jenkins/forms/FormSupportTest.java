package io.jenkins.plugins.gitops.jenkins.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The form's "Follow each unit's spec.prune" choice is submitted blank, and Stapler would bind
 * {@code ""} to {@code Boolean.FALSE} ("never prune"). The descriptors drop it first. ({@code
 * JSONObject} is a stub here, so the map the real one is stands in for it.)
 */
class FormSupportTest {

    @Test
    void shouldDropABlankPruneSoThatBindingLeavesItNull() {
        Map<String, Object> form = new HashMap<>(Map.of("path", "clusters/prod", "prune", ""));

        FormSupport.dropBlank(form, "prune");

        assertThat(form).containsOnlyKeys("path");
    }

    @Test
    void shouldKeepAChosenPrune() {
        Map<String, Object> always = new HashMap<>(Map.of("prune", "true"));
        Map<String, Object> never = new HashMap<>(Map.of("prune", "false"));

        FormSupport.dropBlank(always, "prune");
        FormSupport.dropBlank(never, "prune");

        assertThat(always).containsEntry("prune", "true");
        assertThat(never).containsEntry("prune", "false");
    }
}
