package io.jenkins.plugins.gitops.core.cluster;

/**
 * How to server-side apply.
 *
 * @param fieldManager the field manager that owns what is applied ({@code gitops-jenkins})
 * @param force take ownership of fields other managers own (conflicts are overridden)
 * @param dryRun ask the server what the object would become, without persisting it
 */
public record ApplyOptions(String fieldManager, boolean force, boolean dryRun) {

    public static final String DEFAULT_FIELD_MANAGER = "gitops-jenkins";

    public static ApplyOptions defaults() {
        return new ApplyOptions(DEFAULT_FIELD_MANAGER, true, false);
    }

    public ApplyOptions withDryRun(boolean value) {
        return new ApplyOptions(fieldManager, force, value);
    }

    public ApplyOptions withForce(boolean value) {
        return new ApplyOptions(fieldManager, value, dryRun);
    }

    public ApplyOptions withFieldManager(String value) {
        return new ApplyOptions(value, force, dryRun);
    }
}
