package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import hudson.model.Item;
import hudson.util.ListBoxModel;
import java.util.List;
import org.springframework.security.core.Authentication;

// Stub of credentials 1453.v9b_a_29777a_b_fd (curated type; the Acegi and deprecated overloads are left out).
public abstract class AbstractIdCredentialsListBoxModel<
                T extends AbstractIdCredentialsListBoxModel<T, C>, C extends IdCredentials>
        extends ListBoxModel {
    private static final long serialVersionUID = 1L;

    public AbstractIdCredentialsListBoxModel() {}

    public AbstractIdCredentialsListBoxModel<T, C> with(C u) {
        throw new UnsupportedOperationException("stub");
    }

    public AbstractIdCredentialsListBoxModel<T, C> includeEmptyValue() {
        throw new UnsupportedOperationException("stub");
    }

    public AbstractIdCredentialsListBoxModel<T, C> includeAs(
            Authentication authentication, Item context, Class<? extends C> type) {
        throw new UnsupportedOperationException("stub");
    }

    public AbstractIdCredentialsListBoxModel<T, C> includeAs(
            Authentication authentication,
            Item context,
            Class<? extends C> type,
            List<DomainRequirement> domainRequirements) {
        throw new UnsupportedOperationException("stub");
    }

    public AbstractIdCredentialsListBoxModel<T, C> includeMatchingAs(
            Authentication authentication,
            Item context,
            Class<? extends C> type,
            List<DomainRequirement> domainRequirements,
            CredentialsMatcher matcher) {
        throw new UnsupportedOperationException("stub");
    }

    public AbstractIdCredentialsListBoxModel<T, C> includeCurrentValue(String value) {
        throw new UnsupportedOperationException("stub");
    }
}
