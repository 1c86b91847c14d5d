package io.jenkins.plugins.gitops.core.health;

import io.jenkins.plugins.gitops.core.model.Manifest;
import java.time.Instant;

/**
 * A CRD is Current once Established; rejected names, or an Established=False for any reason other
 * than still installing, make it Failed. Conditions are read in the order the server lists them,
 * as kstatus does.
 */
final class CustomResourceDefinitionHealth implements HealthRule {

    @Override
    public Health evaluate(Manifest live, Instant now) {
        for (Condition c : Condition.of(live)) {
            if (c.type().equals("NamesAccepted") && c.isFalse()) {
                return Health.failed("names not accepted: " + c.explanation("no reason given"));
            }
            if (c.type().equals("Established")) {
                if (c.isFalse() && !c.reason().equals("Installing")) {
                    return Health.failed("not established: " + c.explanation("no reason given"));
                }
                if (c.isTrue()) {
                    return Health.current("established");
                }
            }
        }
        return Health.inProgress("waiting for the CRD to be established");
    }
}
