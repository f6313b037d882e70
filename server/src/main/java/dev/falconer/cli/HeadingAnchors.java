package dev.falconer.cli;

import java.util.HashMap;
import java.util.Map;

/**
 * The anchors of a markdown document's headings, in document order, numbered as GitHub numbers
 * a repeated one ({@code foo}, {@code foo-1}, {@code foo-2}): Falco's names differ by case where
 * anchors do not ({@code Foo} and {@code foo} are two macros).
 */
final class HeadingAnchors {
    private final Map<String, Integer> seen = new HashMap<>();

    /** The anchor of the next heading whose text makes {@code slug}. */
    String next(String slug) {
        int before = seen.merge(slug, 1, Integer::sum) - 1;
        return before == 0 ? slug : slug + "-" + before;
    }
}
