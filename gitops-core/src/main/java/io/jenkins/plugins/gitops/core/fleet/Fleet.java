package io.jenkins.plugins.gitops.core.fleet;

import java.util.List;

/**
 * Everything read from a fleet repository for one entry path: the units in discovery order (root
 * first, then breadth-first), and the problems met on the way.
 *
 * @param sourceUrl the entry repository (URL or folder)
 * @param revision the entry repository's revision; null when it could not be fetched
 */
public record Fleet(String sourceUrl, String revision, String path, List<LoadedUnit> units, List<Problem> problems) {

    public Fleet {
        units = List.copyOf(units);
        problems = List.copyOf(problems);
    }
}
