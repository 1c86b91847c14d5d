package io.jenkins.plugins.gitops.core.source;

import java.util.regex.Pattern;

/** Repository URLs as they may be shown or stored: without the credentials a URL can carry. */
public final class SourceUrls {

    private static final Pattern USER_INFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/@\\s]*@");

    private SourceUrls() {}

    /**
     * {@code https://user:token@host/x.git} becomes {@code https://host/x.git}, wherever such a URL
     * appears in the text; null stays null.
     */
    public static String withoutUserInfo(String text) {
        return text == null ? null : USER_INFO.matcher(text).replaceAll("$1");
    }
}
