package io.jenkins.plugins.gitops.jenkins.ui;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A Java type as a Jelly view sees it, with its generic arguments ({@code List<UnitRow>}), and how
 * JEXL resolves names on it: {@code a.b} is a public {@code getB()}, a public {@code isB()} returning
 * {@code boolean}, a map's {@code get("b")} or a public field; {@code a.b(x)} a public method {@code b}
 * with one parameter. As in JEXL, a method counts only when a public class or interface declares
 * it. {@link #UNKNOWN} stands for what cannot be known before run time (a map's values, a raw
 * list's elements); nothing is checked beyond it.
 *
 * @param raw the class; null for {@link #UNKNOWN}
 * @param arguments the type arguments of the class's own type parameters that are known
 */
record BeanType(Class<?> raw, Map<TypeVariable<?>, BeanType> arguments) {

    static final BeanType UNKNOWN = new BeanType(null, Map.of());

    /** Why a name does not resolve on a type. */
    static final class Unresolved extends Exception {
        private static final long serialVersionUID = 1L;

        Unresolved(String message) {
            super(message);
        }
    }

    static BeanType of(Class<?> raw) {
        return new BeanType(raw, Map.of());
    }

    /** The type {@code type} names where the type variables in {@code bound} are known. */
    static BeanType of(Type type, Map<TypeVariable<?>, BeanType> bound) {
        if (type instanceof Class<?> c) {
            return of(c);
        }
        if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            TypeVariable<?>[] parameters = raw.getTypeParameters();
            Type[] actual = p.getActualTypeArguments();
            Map<TypeVariable<?>, BeanType> arguments = new HashMap<>();
            for (int i = 0; i < parameters.length; i++) {
                // Run<?, ?>: the ? is at least what the parameter declares, JobT extends Job<JobT, RunT>
                arguments.put(
                        parameters[i], isUnbounded(actual[i]) ? of(erasure(parameters[i])) : of(actual[i], bound));
            }
            return new BeanType(raw, Map.copyOf(arguments));
        }
        if (type instanceof TypeVariable<?> v) {
            // unbound: its erasure, whose own parameters stay unknown (this also ends E extends Enum<E>)
            return bound.containsKey(v) ? bound.get(v) : of(erasure(v.getBounds()[0]));
        }
        if (type instanceof WildcardType w) {
            return of(w.getUpperBounds()[0], bound);
        }
        if (type instanceof GenericArrayType a) {
            BeanType component = of(a.getGenericComponentType(), bound);
            return component.isUnknown()
                    ? of(Object[].class)
                    : of(Array.newInstance(component.raw(), 0).getClass());
        }
        return UNKNOWN;
    }

    private static boolean isUnbounded(Type type) {
        return type instanceof WildcardType w && w.getUpperBounds()[0] == Object.class;
    }

    private static Class<?> erasure(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        if (type instanceof TypeVariable<?> v) {
            return erasure(v.getBounds()[0]);
        }
        if (type instanceof GenericArrayType a) {
            return Array.newInstance(erasure(a.getGenericComponentType()), 0).getClass();
        }
        return Object.class;
    }

    boolean isUnknown() {
        return raw == null;
    }

    /** {@code a.name}, in JEXL's order: getter, {@code is} method, map key, public field. */
    BeanType property(String name) throws Unresolved {
        if (isUnknown()) {
            return UNKNOWN;
        }
        String capitalized = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        Optional<Method> getter = noArgument("get" + capitalized).or(() -> noArgument("get" + name));
        if (getter.isPresent()) {
            return returnOf(getter.get());
        }
        Optional<Method> is = noArgument("is" + capitalized).filter(m -> m.getReturnType() == boolean.class);
        if (is.isPresent()) {
            return of(boolean.class);
        }
        if (Map.class.isAssignableFrom(raw)) {
            return UNKNOWN;
        }
        if (raw.isArray() && name.equals("length")) {
            return of(int.class);
        }
        Optional<Field> field = publicField(name);
        if (field.isPresent()) {
            return of(field.get().getGenericType(), seenAs(field.get().getDeclaringClass()));
        }
        throw new Unresolved(this + " has no public get" + capitalized + "(), boolean is" + capitalized + "() or field "
                + name + (hiddenGetter(capitalized) ? " (a getter exists but is not public)" : ""));
    }

    /** Whether the getter is there but JEXL cannot call it: the usual typo-free mistake. */
    private boolean hiddenGetter(String capitalized) {
        for (Class<?> c = raw; c != null; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if ((m.getName().equals("get" + capitalized) || m.getName().equals("is" + capitalized))
                        && m.getParameterCount() == 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code a.name(…)} with {@code arity} arguments. */
    BeanType call(String name, int arity) throws Unresolved {
        if (isUnknown()) {
            return UNKNOWN;
        }
        List<Method> candidates = publicMethods()
                .filter(m -> m.getName().equals(name))
                .filter(m -> m.getParameterCount() == arity || (m.isVarArgs() && arity >= m.getParameterCount() - 1))
                .toList();
        if (candidates.isEmpty()) {
            throw new Unresolved(
                    this + " has no public method " + name + " with " + arity + " parameter" + (arity == 1 ? "" : "s"));
        }
        List<BeanType> returns =
                candidates.stream().map(this::returnOf).distinct().toList();
        return returns.size() == 1 ? returns.get(0) : UNKNOWN;
    }

    /** What a {@code <j:forEach items="…">} over this type gives its variable. */
    BeanType element() throws Unresolved {
        if (isUnknown()) {
            return UNKNOWN;
        }
        if (raw.isArray()) {
            return of(raw.getComponentType());
        }
        if (Map.class.isAssignableFrom(raw)) {
            // Jelly iterates a map's entries
            Map<TypeVariable<?>, BeanType> map = seenAs(Map.class);
            TypeVariable<?>[] kv = Map.class.getTypeParameters();
            TypeVariable<?>[] entry = Map.Entry.class.getTypeParameters();
            Map<TypeVariable<?>, BeanType> arguments = new HashMap<>();
            arguments.put(entry[0], map.getOrDefault(kv[0], UNKNOWN));
            arguments.put(entry[1], map.getOrDefault(kv[1], UNKNOWN));
            return new BeanType(Map.Entry.class, Map.copyOf(arguments));
        }
        if (raw == String.class) {
            // Jelly splits a string at its commas
            return of(String.class);
        }
        for (Class<?> container : List.of(Iterable.class, Iterator.class, Enumeration.class)) {
            if (container.isAssignableFrom(raw)) {
                return seenAs(container).getOrDefault(container.getTypeParameters()[0], UNKNOWN);
            }
        }
        throw new Unresolved(this + " is neither an array, a collection nor a map");
    }

    /** {@code a[i]}: an element of an array or a list, or a map's value. */
    BeanType index() throws Unresolved {
        if (isUnknown() || Map.class.isAssignableFrom(raw)) {
            return UNKNOWN;
        }
        if (raw.isArray() || List.class.isAssignableFrom(raw)) {
            return element();
        }
        throw new Unresolved(this + " is neither an array, a list nor a map");
    }

    /** Whether JEXL finds a readable property {@code name}: what Jenkins' form binding reads. */
    boolean hasGetter(String name) {
        String capitalized = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        return noArgument("get" + capitalized).isPresent()
                || noArgument("is" + capitalized)
                        .filter(m -> m.getReturnType() == boolean.class)
                        .isPresent();
    }

    private Optional<Method> noArgument(String name) {
        return publicMethods()
                .filter(m -> m.getName().equals(name) && m.getParameterCount() == 0)
                .findFirst();
    }

    /** The public methods JEXL can call: declared by a public type; bridges last. */
    private Stream<Method> publicMethods() {
        return Arrays.stream(raw.getMethods())
                .filter(m -> !Modifier.isStatic(m.getModifiers()))
                .map(BeanType::publiclyDeclared)
                .flatMap(Optional::stream)
                .sorted((a, b) -> Boolean.compare(a.isBridge(), b.isBridge()));
    }

    /** The method as a public class or interface declares it, if one does. */
    private static Optional<Method> publiclyDeclared(Method method) {
        Class<?> declaring = method.getDeclaringClass();
        if (Modifier.isPublic(declaring.getModifiers())) {
            return Optional.of(method);
        }
        for (Class<?> type : supertypes(declaring)) {
            if (Modifier.isPublic(type.getModifiers())) {
                try {
                    return Optional.of(type.getMethod(method.getName(), method.getParameterTypes()));
                } catch (NoSuchMethodException e) {
                    // not declared there; try the next one
                }
            }
        }
        return Optional.empty();
    }

    private static List<Class<?>> supertypes(Class<?> type) {
        Stream<Class<?>> direct =
                Stream.concat(Stream.ofNullable(type.getSuperclass()), Arrays.stream(type.getInterfaces()));
        return direct.flatMap(s -> Stream.concat(Stream.of(s), supertypes(s).stream()))
                .toList();
    }

    private Optional<Field> publicField(String name) {
        try {
            Field field = raw.getField(name);
            return Modifier.isPublic(field.getDeclaringClass().getModifiers()) ? Optional.of(field) : Optional.empty();
        } catch (NoSuchFieldException e) {
            return Optional.empty();
        }
    }

    private BeanType returnOf(Method method) {
        return of(method.getGenericReturnType(), seenAs(method.getDeclaringClass()));
    }

    /**
     * The type arguments of {@code supertype} as this type fills them in: for {@code List<UnitRow>}
     * seen as {@code Iterable}, {@code T = UnitRow}. Empty where they are not known.
     */
    private Map<TypeVariable<?>, BeanType> seenAs(Class<?> supertype) {
        if (raw == supertype) {
            return arguments;
        }
        Stream<Type> direct =
                Stream.concat(Stream.ofNullable(raw.getGenericSuperclass()), Arrays.stream(raw.getGenericInterfaces()));
        return direct.map(t -> of(t, arguments))
                .filter(t -> !t.isUnknown() && supertype.isAssignableFrom(t.raw()))
                .findFirst()
                .map(t -> t.seenAs(supertype))
                .orElse(Map.of());
    }

    @Override
    public String toString() {
        if (isUnknown()) {
            return "(unknown)";
        }
        TypeVariable<?>[] parameters = raw.getTypeParameters();
        String name =
                raw.getName().substring(raw.getName().lastIndexOf('.') + 1).replace('$', '.');
        if (raw.isArray()) {
            name = raw.getComponentType().getSimpleName() + "[]";
        }
        if (parameters.length == 0 || arguments.isEmpty()) {
            return name;
        }
        return name
                + Arrays.stream(parameters)
                        .map(p -> arguments.getOrDefault(p, UNKNOWN).toString())
                        .collect(Collectors.joining(", ", "<", ">"));
    }
}
