package com.cloudbees.plugins.credentials;

import java.io.Serializable;

// Stub of credentials 1453.v9b_a_29777a_b_fd.
public interface CredentialsMatcher extends Serializable {
    boolean matches(Credentials item);
}
