package com.cloudbees.plugins.credentials.common;

// Stub of credentials 1453.v9b_a_29777a_b_fd.
public class StandardListBoxModel extends AbstractIdCredentialsListBoxModel<StandardListBoxModel, StandardCredentials> {
    private static final long serialVersionUID = 1L;

    public StandardListBoxModel() {}

    protected String describe(StandardCredentials c) {
        throw new UnsupportedOperationException("stub");
    }
}
