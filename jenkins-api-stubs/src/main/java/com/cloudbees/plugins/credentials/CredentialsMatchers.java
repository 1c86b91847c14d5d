package com.cloudbees.plugins.credentials;

import java.util.List;

// Stub of credentials 1453.v9b_a_29777a_b_fd (a selection of members).
public class CredentialsMatchers {
    private CredentialsMatchers() {}

    public static CredentialsMatcher always() {
        throw new UnsupportedOperationException("stub");
    }

    public static CredentialsMatcher never() {
        throw new UnsupportedOperationException("stub");
    }

    @SuppressWarnings("rawtypes")
    public static CredentialsMatcher instanceOf(Class clazz) {
        throw new UnsupportedOperationException("stub");
    }

    public static CredentialsMatcher withId(String id) {
        throw new UnsupportedOperationException("stub");
    }

    public static CredentialsMatcher allOf(CredentialsMatcher... matchers) {
        throw new UnsupportedOperationException("stub");
    }

    public static CredentialsMatcher anyOf(CredentialsMatcher... matchers) {
        throw new UnsupportedOperationException("stub");
    }

    public static <C extends Credentials> List<C> filter(List<C> credentials, CredentialsMatcher matcher) {
        throw new UnsupportedOperationException("stub");
    }

    public static <C extends Credentials> C firstOrNull(Iterable<C> credentials, CredentialsMatcher matcher) {
        throw new UnsupportedOperationException("stub");
    }
}
