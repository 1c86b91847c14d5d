package io.jenkins.plugins.gitops.jenkins.forms;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import hudson.model.Item;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.gitops.jenkins.runner.GitLogins;
import io.jenkins.plugins.gitops.jenkins.runner.RunSettings;
import java.util.List;
import java.util.Map;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;

/**
 * What the descriptors' {@code doFill*} and {@code doCheck*} methods do. Each caller is a
 * {@code @POST} web method; the permission checks are here, first thing.
 */
public final class FormSupport {

    private FormSupport() {}

    /**
     * Whether the current user may see the credential ids of {@code item}: configure rights on the
     * item, or administer rights for global forms. Without them a list box only echoes the current
     * value, as the credentials plugin recommends.
     */
    static boolean maySeeCredentials(Item item) {
        if (item == null) {
            return Jenkins.get().hasPermission(Jenkins.ADMINISTER);
        }
        return item.hasPermission(Item.EXTENDED_READ) || item.hasPermission(CredentialsProvider.USE_ITEM);
    }

    /**
     * Whether the current user may configure {@code item} (or administer Jenkins, for forms without
     * one). The validation methods answer only such users; anyone else (a user with only Extended
     * Read looking at the configuration, a user of the global Pipeline Syntax page) gets no message
     * rather than an access error inside the form.
     */
    static boolean mayConfigure(Item item) {
        if (item == null) {
            return Jenkins.get().hasPermission(Jenkins.ADMINISTER);
        }
        return item.hasPermission(Item.CONFIGURE);
    }

    /** Secret file credentials, for the kubeconfig. */
    public static ListBoxModel kubeconfigCredentials(Item item, String current) {
        StandardListBoxModel model = new StandardListBoxModel();
        if (!maySeeCredentials(item)) {
            model.includeCurrentValue(current);
            return model;
        }
        model.includeEmptyValue();
        model.includeAs(ACL.SYSTEM2, item, FileCredentials.class);
        model.includeCurrentValue(current);
        return model;
    }

    /** Username/password and secret text (token) credentials, for Git over HTTPS. */
    public static ListBoxModel gitCredentials(Item item, String current) {
        StandardListBoxModel model = new StandardListBoxModel();
        if (!maySeeCredentials(item)) {
            model.includeCurrentValue(current);
            return model;
        }
        model.includeEmptyValue();
        model.includeMatchingAs(ACL.SYSTEM2, item, StandardCredentials.class, List.of(), GitLogins.matcher());
        model.includeCurrentValue(current);
        return model;
    }

    /**
     * The submitted form without {@code key} when its value is blank, so that binding leaves a
     * {@code Boolean} property null ("follow the fleet") where Stapler would turn {@code ""} into
     * {@code false}.
     */
    public static JSONObject withoutBlank(JSONObject formData, String key) {
        dropBlankFromMap(formData, key);
        return formData;
    }

    /**
     * json-lib's JSONObject is a {@code Map<String, Object>}; the stubs leave that view out (their
     * JSONObject is final and no Map), so the check takes an Object, or SpotBugs calls it
     * impossible (BC_IMPOSSIBLE_INSTANCEOF) when it checks against the stubs.
     */
    private static void dropBlankFromMap(Object form, String key) {
        if (form instanceof Map<?, ?> map) {
            dropBlank(map, key);
        }
    }

    static void dropBlank(Map<?, ?> form, String key) {
        Object value = form.get(key);
        if (value == null || (value instanceof String text && text.isBlank())) {
            form.remove(key);
        }
    }

    /** {@code FAILURE} or {@code UNSTABLE}: a fixed list, nothing to protect. */
    public static ListBoxModel failOnItems() {
        ListBoxModel model = new ListBoxModel();
        model.add("Fail the build", "FAILURE");
        model.add("Mark the build unstable", "UNSTABLE");
        return model;
    }

    /** A relative path inside the repository; no {@code ..} segments that leave it. */
    public static FormValidation checkPath(Item item, String path) {
        if (!mayConfigure(item)) {
            return FormValidation.ok();
        }
        String p = path == null ? "" : path.trim();
        if (p.isEmpty()) {
            return FormValidation.error("Give the fleet's entry path, such as clusters/prod");
        }
        if (p.startsWith("/")
                || p.matches("^[A-Za-z]:.*")
                || p.equals("..")
                || p.startsWith("../")
                || p.contains("/../")
                || p.endsWith("/..")) {
            return FormValidation.error("The path is relative to the repository and stays inside it");
        }
        return FormValidation.ok();
    }

    /** As {@link #checkPath}, for steps where the path is optional (waits). */
    public static FormValidation checkOptionalPath(Item item, String path) {
        if (!mayConfigure(item) || path == null || path.isBlank()) {
            return FormValidation.ok();
        }
        return checkPath(item, path);
    }

    /** Seconds; 0 or empty means the global default. */
    public static FormValidation checkTimeout(Item item, String timeout) {
        if (!mayConfigure(item)) {
            return FormValidation.ok();
        }
        if (timeout == null || timeout.isBlank()) {
            return FormValidation.ok();
        }
        return FormValidation.validateNonNegativeInteger(timeout.trim());
    }

    /** Units as {@code namespace/name}, comma-separated. */
    public static FormValidation checkUnits(Item item, String units) {
        if (!mayConfigure(item)) {
            return FormValidation.ok();
        }
        for (String unit : RunSettings.split(units)) {
            if (!unit.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?/[a-z0-9]([-.a-z0-9]*[a-z0-9])?")) {
                return FormValidation.error(
                        "'" + unit + "' is not a unit id: write namespace/name, such as flux-system/apps");
            }
        }
        return FormValidation.ok();
    }

    /** A Git URL, or empty for the workspace. */
    public static FormValidation checkRepo(Item item, String repo) {
        if (!mayConfigure(item)) {
            return FormValidation.ok();
        }
        String r = repo == null ? "" : repo.trim();
        if (r.isEmpty() || r.matches("^(https?|ssh|git|file)://.+") || r.matches("^[^/\\s]+@[^/\\s]+:.+")) {
            return FormValidation.ok();
        }
        return FormValidation.error(
                "Give a Git URL (https://, ssh://, git@host:path) or leave it empty for the workspace");
    }
}
