package hudson.model;

import net.sf.json.JSONObject;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.StaplerRequest2;

// Stub of Jenkins 2.479.3 (a selection of members; the javax StaplerRequest overloads are left out).
public abstract class Descriptor<T extends Describable<T>> {
    public static final class FormException extends Exception implements HttpResponse {
        private static final long serialVersionUID = 1L;

        public FormException(String message, String formField) {
            super(message);
        }

        public FormException(String message, Throwable cause, String formField) {
            super(message, cause);
        }

        public FormException(Throwable cause, String formField) {
            super(cause);
        }

        public String getFormField() {
            throw new UnsupportedOperationException("stub");
        }
    }

    protected Descriptor(Class<? extends T> clazz) {}

    protected Descriptor() {}

    public String getDisplayName() {
        throw new UnsupportedOperationException("stub");
    }

    public String getId() {
        throw new UnsupportedOperationException("stub");
    }

    public Class<T> getT() {
        throw new UnsupportedOperationException("stub");
    }

    public T newInstance(StaplerRequest2 req, JSONObject formData) throws FormException {
        throw new UnsupportedOperationException("stub");
    }

    public String getHelpFile() {
        throw new UnsupportedOperationException("stub");
    }

    public String getHelpFile(String fieldName) {
        throw new UnsupportedOperationException("stub");
    }

    public final boolean isInstance(T instance) {
        throw new UnsupportedOperationException("stub");
    }

    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        throw new UnsupportedOperationException("stub");
    }

    public String getConfigPage() {
        throw new UnsupportedOperationException("stub");
    }

    public String getGlobalConfigPage() {
        throw new UnsupportedOperationException("stub");
    }

    public synchronized void save() {
        throw new UnsupportedOperationException("stub");
    }

    public synchronized void load() {
        throw new UnsupportedOperationException("stub");
    }
}
