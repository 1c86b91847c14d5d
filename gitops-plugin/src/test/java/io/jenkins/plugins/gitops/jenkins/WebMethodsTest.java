package io.jenkins.plugins.gitops.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.model.Item;
import hudson.model.ItemGroup;
import hudson.security.ACL;
import hudson.security.Permission;
import io.jenkins.plugins.gitops.jenkins.freestyle.GitOpsApplyBuilder;
import io.jenkins.plugins.gitops.jenkins.freestyle.GitOpsDiffBuilder;
import io.jenkins.plugins.gitops.jenkins.freestyle.GitOpsWaitBuilder;
import io.jenkins.plugins.gitops.jenkins.steps.GitOpsApplyStep;
import io.jenkins.plugins.gitops.jenkins.steps.GitOpsDiffStep;
import io.jenkins.plugins.gitops.jenkins.steps.GitOpsPlanStep;
import io.jenkins.plugins.gitops.jenkins.steps.GitOpsWaitHealthyStep;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.verb.POST;
import org.springframework.security.access.AccessDeniedException;

/**
 * Web methods ({@code do*}) answer POST only and check permissions before anything else: called
 * with an item on which the user has no permission, each one asks about permissions first. The
 * validation methods then say nothing (no access error inside a form a read-only user may see);
 * the list of {@code failOn} choices is fixed and needs no check.
 */
class WebMethodsTest {

    static final List<Object> DESCRIPTORS = List.of(
            new GitOpsApplyStep.DescriptorImpl(),
            new GitOpsPlanStep.DescriptorImpl(),
            new GitOpsDiffStep.DescriptorImpl(),
            new GitOpsWaitHealthyStep.DescriptorImpl(),
            new GitOpsApplyBuilder.DescriptorImpl(),
            new GitOpsDiffBuilder.DescriptorImpl(),
            new GitOpsWaitBuilder.DescriptorImpl());

    /** An item on which nothing is permitted; it records what was asked. */
    static final class DenyingItem implements Item {
        final List<String> asked = new ArrayList<>();

        @Override
        public boolean hasPermission(Permission permission) {
            asked.add("has");
            return false;
        }

        @Override
        public void checkPermission(Permission permission) {
            asked.add("check");
            throw new AccessDeniedException("denied");
        }

        @Override
        public ItemGroup<? extends Item> getParent() {
            return null;
        }

        @Override
        public String getName() {
            return "x";
        }

        @Override
        public String getFullName() {
            return "x";
        }

        @Override
        public String getDisplayName() {
            return "x";
        }

        @Override
        public String getFullDisplayName() {
            return "x";
        }

        @Override
        public String getUrl() {
            return "x";
        }

        @Override
        public String getShortUrl() {
            return "x";
        }

        @Override
        public void save() {}

        @Override
        public ACL getACL() {
            return null;
        }
    }

    static List<Method> webMethods(Object descriptor) {
        List<Method> methods = new ArrayList<>();
        for (Method m : descriptor.getClass().getMethods()) {
            if (m.getName().startsWith("do")
                    && m.getName().length() > 2
                    && Character.isUpperCase(m.getName().charAt(2))) {
                methods.add(m);
            }
        }
        return methods;
    }

    @Test
    void everyWebMethodShouldBePostOnly() {
        for (Object d : DESCRIPTORS) {
            assertThat(webMethods(d)).isNotEmpty().allSatisfy(m -> assertThat(m.isAnnotationPresent(POST.class))
                    .as(d.getClass().getName() + "#" + m.getName())
                    .isTrue());
        }
    }

    @Test
    void everyWebMethodShouldAskForPermissionFirst() throws Exception {
        for (Object d : DESCRIPTORS) {
            for (Method m : webMethods(d)) {
                DenyingItem item = new DenyingItem();
                Object[] args = new Object[m.getParameterCount()];
                args[0] = item;
                for (int i = 1; i < args.length; i++) {
                    args[i] = "value";
                }
                String where = d.getClass().getName() + "#" + m.getName();
                assertThat(m.getParameterTypes()[0]).as(where).isEqualTo(Item.class);
                try {
                    m.invoke(d, args);
                } catch (InvocationTargetException e) {
                    // the stubs throw UnsupportedOperationException from any Jenkins call after the check
                    assertThat(e.getCause())
                            .as(where)
                            .isInstanceOfAny(AccessDeniedException.class, UnsupportedOperationException.class);
                }
                if (m.getName().equals("doFillFailOnItems")) {
                    continue;
                }
                assertThat(item.asked).as(where).isNotEmpty();
                if (m.getName().startsWith("doCheck")) {
                    // it answered before validating anything: FormValidation.ok() is a stub that throws
                    assertThat(item.asked).as(where).containsExactly("has");
                    assertThatThrownBy(() -> m.invoke(d, args))
                            .as(where)
                            .cause()
                            .isInstanceOf(UnsupportedOperationException.class);
                }
            }
        }
    }
}
