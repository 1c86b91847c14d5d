package com.cloudbees.plugins.credentials.domains;

import hudson.ExtensionPoint;
import java.io.Serializable;

// Stub of credentials 1453.v9b_a_29777a_b_fd (curated type).
public class DomainRequirement implements ExtensionPoint, Serializable {
    private static final long serialVersionUID = 1L;

    public DomainRequirement() {}
}
