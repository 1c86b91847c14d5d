package com.cloudbees.plugins.credentials;

import hudson.ExtensionPoint;
import hudson.model.Describable;
import hudson.model.Run;
import java.io.Serializable;

// Stub of credentials 1453.v9b_a_29777a_b_fd (getDescriptor() is left out with CredentialsDescriptor).
public interface Credentials extends Describable<Credentials>, Serializable, ExtensionPoint {
    CredentialsScope getScope();

    default Credentials forRun(Run<?, ?> context) {
        throw new UnsupportedOperationException("stub");
    }
}
