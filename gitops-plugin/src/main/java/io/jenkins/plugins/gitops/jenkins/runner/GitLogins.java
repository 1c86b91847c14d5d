package io.jenkins.plugins.gitops.jenkins.runner;

import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsMatcher;
import hudson.util.Secret;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * Which credentials can log in to Git over HTTPS, and the login they hold: a <em>Secret text</em>
 * credential (a token, sent with the user name {@code git}) or a <em>Username with password</em>
 * credential.
 *
 * <p>The credentials plugin's {@code UsernamePasswordCredentials} interface is not in the Jenkins
 * API manifest the plugin compiles against, so a username/password credential is recognised by
 * the two public methods that interface declares, {@code String getUsername()} and {@code Secret
 * getPassword()}, and they are called reflectively. A credential with only one of them (an SSH
 * key has a user name but no password; a certificate has a password but no user name) is not a Git
 * login. A user name is masked like the password when the credential says so ({@code boolean
 * isUsernameSecret()}, where the credentials plugin has it). The methods are looked up on a public type of the credential's class hierarchy, so
 * implementations that are not public classes work too.
 */
public final class GitLogins {

    private GitLogins() {}

    /**
     * A user name and a password (or token) as the credential holds it, not yet decrypted.
     *
     * @param usernameSecret the credential asks for its user name to be masked too ({@code
     *     isUsernameSecret()}, "Treat username as secret")
     */
    public record Login(String username, Secret password, boolean usernameSecret) {
        @Override
        public String toString() {
            return "Login[" + username + ":****]";
        }
    }

    /** Whether {@code credentials} can log in to Git. */
    public static boolean supports(Credentials credentials) {
        return credentials instanceof StringCredentials
                || (accessor(credentials.getClass(), "getUsername", String.class) != null
                        && accessor(credentials.getClass(), "getPassword", Secret.class) != null);
    }

    /**
     * The login {@code credentials} hold.
     *
     * @throws IllegalArgumentException when they cannot log in to Git ({@link #supports} is false)
     */
    public static Login read(Credentials credentials) {
        if (credentials instanceof StringCredentials token) {
            return new Login("git", token.getSecret(), false);
        }
        Method username = accessor(credentials.getClass(), "getUsername", String.class);
        Method password = accessor(credentials.getClass(), "getPassword", Secret.class);
        if (username == null || password == null) {
            throw new IllegalArgumentException(
                    "a " + credentials.getClass().getSimpleName() + " credential cannot log in to Git");
        }
        Method usernameSecret = accessor(credentials.getClass(), "isUsernameSecret", boolean.class);
        return new Login(
                (String) call(username, credentials),
                (Secret) call(password, credentials),
                usernameSecret != null && (Boolean) call(usernameSecret, credentials));
    }

    /** Matches the credentials {@link #supports} accepts, for credential list boxes. */
    public static CredentialsMatcher matcher() {
        return new Matcher();
    }

    private static final class Matcher implements CredentialsMatcher {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean matches(Credentials item) {
            return supports(item);
        }
    }

    /**
     * A public no-argument method {@code name} returning {@code returns}, declared by a public class
     * or interface that {@code type} extends or implements (or {@code type} itself); null if none.
     */
    static Method accessor(Class<?> type, String name, Class<?> returns) {
        Deque<Class<?>> todo = new ArrayDeque<>();
        Set<Class<?>> seen = new HashSet<>();
        todo.add(type);
        while (!todo.isEmpty()) {
            Class<?> c = todo.removeFirst();
            if (!seen.add(c)) {
                continue;
            }
            if (Modifier.isPublic(c.getModifiers())) {
                try {
                    Method m = c.getDeclaredMethod(name);
                    if (Modifier.isPublic(m.getModifiers())
                            && !Modifier.isStatic(m.getModifiers())
                            && returns.isAssignableFrom(m.getReturnType())) {
                        return m;
                    }
                } catch (NoSuchMethodException e) {
                    // not declared here; look further up
                }
            }
            if (c.getSuperclass() != null) {
                todo.add(c.getSuperclass());
            }
            todo.addAll(List.of(c.getInterfaces()));
        }
        return null;
    }

    private static Object call(Method method, Object target) {
        try {
            return method.invoke(target);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call " + method, e);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("cannot call " + method, cause);
        }
    }
}
