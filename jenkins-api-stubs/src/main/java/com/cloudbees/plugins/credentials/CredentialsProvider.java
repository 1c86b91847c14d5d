package com.cloudbees.plugins.credentials;

import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import hudson.ExtensionPoint;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.model.Run;
import hudson.security.Permission;
import java.util.List;
import org.springframework.security.core.Authentication;

// Stub of credentials 1453.v9b_a_29777a_b_fd (curated type; only lookups, never providers of our own).
// The permission constants are null here: plugins compiled against the stubs read the real fields.
public abstract class CredentialsProvider extends Descriptor<CredentialsProvider>
        implements ExtensionPoint, Describable<CredentialsProvider> {
    public static final Permission USE_OWN;
    public static final Permission USE_ITEM;
    public static final Permission VIEW;

    static {
        USE_OWN = null;
        USE_ITEM = null;
        VIEW = null;
    }

    private CredentialsProvider() {}

    public static <C extends Credentials> List<C> lookupCredentialsInItem(
            Class<C> type, Item item, Authentication authentication) {
        throw new UnsupportedOperationException("stub");
    }

    public static <C extends Credentials> List<C> lookupCredentialsInItem(
            Class<C> type, Item item, Authentication authentication, List<DomainRequirement> domainRequirements) {
        throw new UnsupportedOperationException("stub");
    }

    public static <C extends IdCredentials> C findCredentialById(String id, Class<C> type, Run<?, ?> run) {
        throw new UnsupportedOperationException("stub");
    }

    public static <C extends IdCredentials> C findCredentialById(
            String id, Class<C> type, Run<?, ?> run, List<DomainRequirement> domainRequirements) {
        throw new UnsupportedOperationException("stub");
    }

    @SuppressWarnings("rawtypes")
    public static <C extends Credentials> C track(Run run, C credentials) {
        throw new UnsupportedOperationException("stub");
    }

    public static <C extends Credentials> C track(Item item, C credentials) {
        throw new UnsupportedOperationException("stub");
    }
}
