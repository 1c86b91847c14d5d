package io.jenkins.plugins.gitops.jenkins.ui;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Type-checks the {@code ${…}} expressions of a Jelly view against the Java classes, the way
 * Stapler's JEXL would resolve them at run time, where a misspelt name silently prints nothing.
 *
 * <p>Starting from the view's {@link ViewRoots}, it follows {@code <j:set var value>} (the
 * variable takes the type of its expression) and {@code <j:forEach var items>} (the element type
 * of the list, array or map, from the generic return types), and resolves every chain of every
 * expression with {@link BeanType}. A variable is seen by the following siblings of the tag that
 * sets it and by their contents: stricter than Jelly, whose variables outlive the tag around them,
 * but a variable used outside the {@code <j:if>} that set it is a bug waiting anyway.
 *
 * <p>On a configuration page it also checks that each {@code field} names a property the form can
 * read (a public getter) and save (a {@code @DataBoundConstructor} parameter or a
 * {@code @DataBoundSetter}), and that a {@code <f:select>} or {@code <c:select>} of a field has the
 * descriptor's {@code doFill…Items} method to fill it.
 */
final class JellyExpressionChecker {

    /**
     * Variables that Jenkins gives every view and whose types are not ours to check. Any other name
     * not set by the view is reported, so a misspelt root is caught too.
     */
    static final Set<String> JENKINS_VARIABLES = Set.of(
            "app", // Jenkins.get()
            "h", // hudson.Functions
            "request",
            "request2",
            "response",
            "response2",
            "resURL", // the versioned static-resource root, /static/<hash>
            "rootURL", // Jenkins' context path
            "imagesURL");

    /** JEXL's own functions. */
    private static final Map<String, BeanType> FUNCTIONS =
            Map.of("size", BeanType.of(int.class), "empty", BeanType.of(boolean.class));

    private static final String CORE = "jelly:core";
    private static final String FORM = "/lib/form";
    private static final String CREDENTIALS = "/lib/credentials";

    /** A name that does not resolve: where, in which expression, which chain, and why. */
    record Problem(String view, String expression, String chain, String reason) {
        @Override
        public String toString() {
            return view + ": " + expression + ": " + chain + ": " + reason;
        }
    }

    /**
     * What a check found.
     *
     * @param problems every name that does not resolve
     * @param chains how many chains were checked, so that a test can tell a clean view from an
     *     unread one
     */
    record Result(List<Problem> problems, int chains) {}

    private final String view;
    private final ViewRoots roots;
    private final Deque<Map<String, BeanType>> scopes = new ArrayDeque<>();
    private final List<Problem> problems = new ArrayList<>();
    private int chains;

    private JellyExpressionChecker(String view, ViewRoots roots) {
        this.view = view;
        this.roots = roots;
        scopes.push(roots.variables());
    }

    /** Checks the Jelly document {@code xml}, named {@code view} in the problems. */
    static Result check(String view, String xml, ViewRoots roots) {
        JellyExpressionChecker checker = new JellyExpressionChecker(view, roots);
        checker.visit(Xml.parse(xml).getDocumentElement(), null);
        return new Result(List.copyOf(checker.problems), checker.chains);
    }

    /**
     * Checks a tag, then its contents. {@code enclosingField} is the {@code field} of the form entry
     * the tag is in, if any.
     */
    private void visit(Element element, String enclosingField) {
        Map<String, BeanType> attributes = evaluateAttributes(element);
        if (isTag(element, CORE, "set")) {
            // seen by the tags after it, so set where the j:set is
            bind(element.getAttribute("var"), attributes.getOrDefault("value", BeanType.of(String.class)));
        }
        scopes.push(new HashMap<>());
        if (isTag(element, CORE, "forEach") || isTag(element, FORM, "repeatable")) {
            bindLoop(element, attributes);
        } else if (element.hasAttribute("var") && !isTag(element, CORE, "set")) {
            problem(element.getTagName(), "var=\"" + element.getAttribute("var") + "\"", "no rule for its type");
        }
        String field = checkForm(element, enclosingField);
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE) {
                visit((Element) child, field);
            } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                evaluate(child.getNodeValue());
            }
        }
        scopes.pop();
    }

    /** Checks the expressions of the tag's attributes; returns what each attribute's value is. */
    private Map<String, BeanType> evaluateAttributes(Element element) {
        Map<String, BeanType> attributes = new HashMap<>();
        NamedNodeMap list = element.getAttributes();
        for (int i = 0; i < list.getLength(); i++) {
            Attr attribute = (Attr) list.item(i);
            if (!"http://www.w3.org/2000/xmlns/".equals(attribute.getNamespaceURI())) {
                attributes.put(attribute.getName(), evaluate(attribute.getValue()));
            }
        }
        return attributes;
    }

    /** On a configuration page, checks a form tag's field and list; returns the field its contents are in. */
    private String checkForm(Element element, String enclosingField) {
        if (roots.described() == null) {
            return null;
        }
        String field = enclosingField;
        if (element.hasAttribute("field") && isFormTag(element)) {
            field = element.getAttribute("field");
            checkField(field);
        }
        if ((isTag(element, FORM, "select") || isTag(element, CREDENTIALS, "select")) && field != null) {
            checkFill(element, field);
        }
        return field;
    }

    private void bindLoop(Element element, Map<String, BeanType> attributes) {
        BeanType item = BeanType.of(Integer.class); // begin and end without items count
        if (attributes.containsKey("items")) {
            try {
                item = attributes.get("items").element();
            } catch (BeanType.Unresolved e) {
                problem(element.getAttribute("items"), "items", e.getMessage());
                item = BeanType.UNKNOWN;
            }
        }
        bind(element.getAttribute("var"), item);
        bind(element.getAttribute("varStatus"), BeanType.UNKNOWN);
        bind(element.getAttribute("indexVar"), BeanType.of(Integer.class));
    }

    private void bind(String name, BeanType type) {
        if (!name.isEmpty()) {
            scopes.peek().put(name, type);
        }
    }

    /**
     * Checks the expressions in an attribute's value or a text. Returns what the value is: the type
     * of its expression when it is nothing but one chain, unknown for any other lone expression,
     * and a string for text, with or without expressions in it.
     */
    private BeanType evaluate(String text) {
        BeanType type = BeanType.of(String.class);
        int from = text.indexOf("${");
        while (from >= 0) {
            int end = closing(text, from + 2);
            if (end < 0) {
                problem(text, text.substring(from), "the ${ is not closed");
                return BeanType.UNKNOWN;
            }
            String expression = text.substring(from + 2, end);
            BeanType value = expression(text.substring(from, end + 1), expression);
            if (from == 0 && end == text.length() - 1) {
                type = value;
            }
            from = text.indexOf("${", end + 1);
        }
        return type;
    }

    /** The index of the brace that closes an expression starting at {@code from}, past quoted text. */
    private static int closing(String text, int from) {
        char quote = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '}') {
                return i;
            }
        }
        return -1;
    }

    private BeanType expression(String written, String expression) {
        if (expression.startsWith("%")) {
            return BeanType.of(String.class); // ${%Text}: a localized message, not JEXL
        }
        JexlChains.Parsed parsed;
        try {
            parsed = JexlChains.parse(expression);
        } catch (IllegalArgumentException e) {
            problem(written, expression, e.getMessage());
            return BeanType.UNKNOWN;
        }
        List<BeanType> types =
                parsed.chains().stream().map(c -> resolve(written, c)).toList();
        // the outer chain comes first
        return parsed.sole().isPresent() ? types.get(0) : BeanType.UNKNOWN;
    }

    private BeanType resolve(String written, JexlChains.Chain chain) {
        chains++;
        BeanType type = root(written, chain);
        if (type == null) {
            return BeanType.UNKNOWN;
        }
        StringBuilder path = new StringBuilder(chain.root());
        for (JexlChains.Segment segment : chain.segments()) {
            path.append(segment.text());
            try {
                if (segment instanceof JexlChains.Property p) {
                    type = type.property(p.name());
                } else if (segment instanceof JexlChains.Call c) {
                    type = type.call(c.name(), c.arity());
                } else {
                    type = type.index();
                }
            } catch (BeanType.Unresolved e) {
                problem(written, path.toString(), e.getMessage());
                return BeanType.UNKNOWN;
            }
        }
        return type;
    }

    /** The type of the chain's root; null when it is reported. */
    private BeanType root(String written, JexlChains.Chain chain) {
        String name = chain.root();
        if (chain.isFunction()) {
            if (FUNCTIONS.containsKey(name)) {
                return FUNCTIONS.get(name);
            }
            problem(written, name + "(…)", "no such JEXL function");
            return null;
        }
        for (Map<String, BeanType> scope : scopes) {
            if (scope.containsKey(name)) {
                return scope.get(name);
            }
        }
        if (JENKINS_VARIABLES.contains(name)) {
            return BeanType.UNKNOWN;
        }
        problem(written, name, "no such variable here; in scope: " + visibleNames());
        return null;
    }

    private Set<String> visibleNames() {
        Set<String> names = new TreeSet<>();
        scopes.forEach(s -> names.addAll(s.keySet()));
        return names;
    }

    private void checkField(String field) {
        if (field.contains("${")) {
            return;
        }
        Class<?> described = roots.described();
        String written = "field=\"" + field + "\"";
        if (!BeanType.of(described).hasGetter(field)) {
            problem(
                    written,
                    field,
                    described.getSimpleName() + " has no public getter for it: the form cannot show it");
        }
        if (!bindable(described, field)) {
            problem(
                    written,
                    field,
                    described.getSimpleName()
                            + " takes it neither in its @DataBoundConstructor nor by a @DataBoundSetter: saving drops it");
        }
    }

    private static boolean bindable(Class<?> type, String field) {
        String setter = "set" + Character.toUpperCase(field.charAt(0)) + field.substring(1);
        boolean bySetter = Arrays.stream(type.getMethods())
                .anyMatch(m -> m.getName().equals(setter)
                        && m.getParameterCount() == 1
                        && m.isAnnotationPresent(DataBoundSetter.class));
        Optional<Constructor<?>> constructor = Arrays.stream(type.getConstructors())
                .filter(c -> c.isAnnotationPresent(DataBoundConstructor.class))
                .findFirst();
        boolean byConstructor = constructor
                .map(c ->
                        Arrays.stream(c.getParameters()).map(Parameter::getName).anyMatch(field::equals))
                .orElse(false);
        return bySetter || byConstructor;
    }

    private void checkFill(Element select, String field) {
        BeanType descriptor = roots.descriptor();
        if (descriptor.isUnknown()) {
            return;
        }
        String fill = "doFill" + Character.toUpperCase(field.charAt(0)) + field.substring(1) + "Items";
        boolean present = Arrays.stream(descriptor.raw().getMethods())
                .map(Method::getName)
                .anyMatch(fill::equals);
        if (!present) {
            problem(
                    "<" + select.getTagName() + "/> of field=\"" + field + "\"",
                    field,
                    descriptor + " has no public " + fill + ": the list stays empty");
        }
    }

    private static boolean isTag(Element element, String namespace, String name) {
        return namespace.equals(element.getNamespaceURI()) && name.equals(element.getLocalName());
    }

    /** A tag of Jenkins' tag libraries ({@code /lib/form}, {@code /lib/credentials}, …). */
    private static boolean isFormTag(Element element) {
        String namespace = element.getNamespaceURI();
        return namespace != null && namespace.startsWith("/lib/");
    }

    private void problem(String expression, String chain, String reason) {
        problems.add(new Problem(view, expression, chain, reason));
    }
}
