package com.cloudbees.plugins.credentials;

// Stub of credentials 1453.v9b_a_29777a_b_fd. The constants have (empty) bodies, as in the real enum, which
// makes the enum sealed; the abstract getDisplayName() and isVisible(ModelObject) are left out because
// javac 17 would then also call the enum abstract.
public enum CredentialsScope {
    SYSTEM {},
    GLOBAL {},
    USER {}
}
