package io.jenkins.plugins.gitops.jenkins.ui;

import hudson.model.Describable;
import hudson.model.Descriptor;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The variables Stapler gives a view, by its convention: the views of a class live in the resource
 * folder named after it ({@code …/action/GitOpsRunAction/index.jelly}), where {@code it} is that
 * class. The {@code config.jelly} of a {@link Describable} sees the object being configured as
 * {@code instance} and its descriptor as {@code descriptor}; the configuration page of a descriptor
 * (a {@code GlobalConfiguration}) is all three at once.
 *
 * @param variables the typed variables the view starts with
 * @param described for a configuration page, the class whose properties its {@code field}s name
 * @param descriptor for a configuration page, the descriptor that fills its lists; {@link
 *     BeanType#UNKNOWN} when none is found
 */
record ViewRoots(Map<String, BeanType> variables, Class<?> described, BeanType descriptor) {

    /** A view that is not beside a class (the plugin's description): no variables of its own. */
    static final ViewRoots NONE = new ViewRoots(Map.of(), null, BeanType.UNKNOWN);

    private static final List<String> CONFIGURATION_PAGES = List.of("config.jelly", "global.jelly");

    /** The roots of the view at {@code resourcePath}, relative to the resources' root, with {@code /}. */
    static ViewRoots forView(String resourcePath) {
        int slash = resourcePath.lastIndexOf('/');
        if (slash < 0) {
            return NONE;
        }
        String className = resourcePath.substring(0, slash).replace('/', '.');
        try {
            return of(Class.forName(className), resourcePath.substring(slash + 1));
        } catch (ClassNotFoundException e) {
            return NONE;
        }
    }

    static ViewRoots of(Class<?> type, String page) {
        BeanType self = BeanType.of(type);
        if (!CONFIGURATION_PAGES.contains(page)) {
            return new ViewRoots(Map.of("it", self), null, BeanType.UNKNOWN);
        }
        if (Descriptor.class.isAssignableFrom(type)) {
            return new ViewRoots(Map.of("it", self, "instance", self, "descriptor", self), type, self);
        }
        if (Describable.class.isAssignableFrom(type)) {
            BeanType descriptor = descriptorOf(type);
            return descriptor.isUnknown()
                    ? new ViewRoots(Map.of("instance", self), type, descriptor)
                    : new ViewRoots(Map.of("instance", self, "descriptor", descriptor), type, descriptor);
        }
        return new ViewRoots(Map.of("it", self), null, BeanType.UNKNOWN);
    }

    /** The descriptor nested in the class: {@code DescriptorImpl}, or else the only one there is. */
    private static BeanType descriptorOf(Class<?> type) {
        List<Class<?>> descriptors = Arrays.stream(type.getDeclaredClasses())
                .filter(Descriptor.class::isAssignableFrom)
                .toList();
        return descriptors.stream()
                .filter(c -> c.getSimpleName().equals("DescriptorImpl"))
                .findFirst()
                .or(() -> descriptors.size() == 1 ? descriptors.stream().findFirst() : Optional.empty())
                .<BeanType>map(BeanType::of)
                .orElse(BeanType.UNKNOWN);
    }
}
