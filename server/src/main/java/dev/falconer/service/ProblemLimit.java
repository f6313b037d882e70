package dev.falconer.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * At most {@link #MAX_PER_FILE} problems of one document go to the editor, the most severe first,
 * then one note that says how many more there are, placed on the first one left out. A YAML file
 * of 700,000 entries that are not rules had 700,000 errors: 170 MB of JSON per publication, a
 * minute of work and hundreds of megabytes kept, for a list nobody reads past its start. The
 * command line still lists every problem.
 */
final class ProblemLimit {
    static final int MAX_PER_FILE = 1000;
    /** The note's code: the key of its per-code severity setting ({@code off} hides it). */
    static final String CODE = "too-many-problems";

    private ProblemLimit() {
    }

    /**
     * {@code found} in position order; the result keeps that order. {@code severity} is the
     * user's severity for the note ({@link Severity#OFF}: no note).
     */
    static List<FalconerDiagnostic> apply(List<FalconerDiagnostic> found, int max, Severity severity, Locale locale) {
        if (found.size() <= max) {
            return found;
        }
        // the most severe first; among equals, the first in the file
        boolean[] kept = new boolean[found.size()];
        IntStream.range(0, found.size()).boxed()
                .sorted(Comparator.comparingInt((Integer i) -> found.get(i).severity().ordinal()).thenComparingInt(i -> i))
                .limit(max)
                .forEach(i -> kept[i] = true);
        List<FalconerDiagnostic> out = new ArrayList<>(max + 1);
        boolean noted = severity == Severity.OFF;
        for (int i = 0; i < kept.length; i++) {
            if (kept[i]) {
                out.add(found.get(i));
            } else if (!noted) { // on the first one left out
                String message = Texts.of(Docs.BUNDLE, locale).get("diagnostics.limit", found.size() - max, max);
                out.add(FalconerDiagnostic.of(found.get(i).range(), severity, CODE, message));
                noted = true;
            }
        }
        return out;
    }
}
