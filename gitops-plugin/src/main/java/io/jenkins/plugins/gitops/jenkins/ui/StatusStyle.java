package io.jenkins.plugins.gitops.jenkins.ui;

import io.jenkins.plugins.gitops.core.health.HealthStatus;
import io.jenkins.plugins.gitops.core.reconcile.UnitStatus;

/**
 * The look of each status: a CSS class for the pages (styled in {@code css/gitops.css}) and the
 * colours the SVG graph writes inline, since an SVG has to stand on its own.
 */
enum StatusStyle {
    READY("gitops-ready", "#1ea64b", "#e9f7ee"),
    FAILED("gitops-failed", "#e6001f", "#fdecee"),
    SKIPPED("gitops-skipped", "#8a9099", "#f1f2f4"),
    SUSPENDED("gitops-suspended", "#e0a800", "#fff7d9"),
    PROGRESSING("gitops-progressing", "#2f6fde", "#eaf1fd"),
    DRIFTED("gitops-drifted", "#d9730d", "#fff0e0"),
    NOT_RUN("gitops-not-run", "#b8bec6", "#ffffff");

    private final String cssClass;
    private final String stroke;
    private final String fill;

    StatusStyle(String cssClass, String stroke, String fill) {
        this.cssClass = cssClass;
        this.stroke = stroke;
        this.fill = fill;
    }

    static StatusStyle of(UnitStatus status) {
        if (status == null) {
            return NOT_RUN;
        }
        return switch (status) {
            case READY -> READY;
            case FAILED -> FAILED;
            case SKIPPED -> SKIPPED;
            case SUSPENDED -> SUSPENDED;
        };
    }

    static StatusStyle of(HealthStatus status) {
        if (status == null) {
            return NOT_RUN;
        }
        return switch (status) {
            case CURRENT -> READY;
            case FAILED -> FAILED;
            case IN_PROGRESS -> PROGRESSING;
            case TERMINATING, NOT_FOUND, UNKNOWN -> SKIPPED;
        };
    }

    String cssClass() {
        return cssClass;
    }

    /** The strong colour: status dot, border. */
    String stroke() {
        return stroke;
    }

    /** The light tint behind a box. */
    String fill() {
        return fill;
    }
}
