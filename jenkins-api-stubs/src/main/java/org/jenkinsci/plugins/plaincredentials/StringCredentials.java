package org.jenkinsci.plugins.plaincredentials;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.util.Secret;

// Stub of plain-credentials 199.v9f8e1f741799.
public interface StringCredentials extends StandardCredentials {
    Secret getSecret();
}
