package hudson.util;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

// Stub of Jenkins 2.479.3 (a selection of members). The list itself works, so tests can read what a
// fill method returned; add(String, String) and add(String) throw like every other stub member.
public class ListBoxModel extends ArrayList<ListBoxModel.Option> implements HttpResponse {
    private static final long serialVersionUID = 1L;

    public static final class Option {
        public Option(String name, String value) {}

        public Option(String name) {}

        public Option(String name, String value, boolean selected) {}
    }

    public ListBoxModel(int initialCapacity) {
        super(initialCapacity);
    }

    public ListBoxModel() {}

    public ListBoxModel(Collection<Option> c) {
        super(c);
    }

    public ListBoxModel(Option... data) {
        for (Option o : data) {
            super.add(o);
        }
    }

    public void add(String displayName, String value) {
        throw new UnsupportedOperationException("stub");
    }

    public ListBoxModel add(String nameAndValue) {
        throw new UnsupportedOperationException("stub");
    }

    public void writeTo(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException, ServletException {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public void generateResponse(StaplerRequest2 req, StaplerResponse2 rsp, Object node)
            throws IOException, ServletException {
        throw new UnsupportedOperationException("stub");
    }
}
