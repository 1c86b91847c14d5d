package hudson.model;

import java.util.List;

// Stub of Jenkins 2.479.3 (a selection of members).
public abstract class Actionable extends AbstractModelObject {
    public Actionable() {}

    public final List<? extends Action> getAllActions() {
        throw new UnsupportedOperationException("stub");
    }

    public <T extends Action> List<T> getActions(Class<T> type) {
        throw new UnsupportedOperationException("stub");
    }

    public void addAction(Action a) {
        throw new UnsupportedOperationException("stub");
    }

    public void replaceAction(Action a) {
        throw new UnsupportedOperationException("stub");
    }

    public boolean addOrReplaceAction(Action a) {
        throw new UnsupportedOperationException("stub");
    }

    public boolean removeAction(Action a) {
        throw new UnsupportedOperationException("stub");
    }

    public boolean removeActions(Class<? extends Action> clazz) {
        throw new UnsupportedOperationException("stub");
    }

    public <T extends Action> T getAction(Class<T> type) {
        throw new UnsupportedOperationException("stub");
    }
}
