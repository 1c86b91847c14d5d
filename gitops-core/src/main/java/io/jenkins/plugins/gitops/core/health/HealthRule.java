package io.jenkins.plugins.gitops.core.health;

import io.jenkins.plugins.gitops.core.model.Manifest;
import java.time.Instant;

/**
 * The health of one kind of object, decided from the live object alone. Rules are pure: the same
 * object and instant always give the same health. {@code now} matters only where kstatus looks at
 * the clock (a Pod waiting to be scheduled).
 */
@FunctionalInterface
interface HealthRule {

    Health evaluate(Manifest live, Instant now);
}
