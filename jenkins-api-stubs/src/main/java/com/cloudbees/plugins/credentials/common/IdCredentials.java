package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.Credentials;

// Stub of credentials 1453.v9b_a_29777a_b_fd.
public interface IdCredentials extends Credentials {
    String getId();
}
