package dev.falconer.workspace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A text and the texts appended to it (Falco's {@code old + " " + new}), joined once when read:
 * joining at each append copied the whole text every time, and a rule with thousands of
 * appends or overrides took seconds to merge. Immutable: each append is a new link to the last.
 */
final class AppendedText {
    private final AppendedText before;
    private final SourcedText last;
    /** The whole text once read (benign race: any thread joins the same parts). */
    private SourcedText joined;

    private AppendedText(AppendedText before, SourcedText last) {
        this.before = before;
        this.last = last;
    }

    /** {@code text} alone, or {@code null} for no text. */
    static AppendedText of(SourcedText text) {
        return text == null ? null : new AppendedText(null, text);
    }

    /** Falco's append of {@code more} to {@code old}: a missing old text stays missing (the key was never set), {@code " " + more}. */
    static AppendedText append(AppendedText old, SourcedText more) {
        if (more == null) {
            return old;
        }
        return new AppendedText(old, SourcedText.concat(SourcedText.synthetic(" "), more));
    }

    /** The text of {@code t}, or {@code null}. */
    static SourcedText text(AppendedText t) {
        return t == null ? null : t.text();
    }

    SourcedText text() {
        SourcedText j = joined;
        if (j == null) {
            List<SourcedText> parts = new ArrayList<>();
            for (AppendedText t = this; t != null; t = t.before) {
                if (t.joined != null && t != this) {
                    parts.add(t.joined);
                    break;
                }
                parts.add(t.last);
            }
            Collections.reverse(parts);
            j = parts.size() == 1 ? parts.get(0) : SourcedText.concat(parts);
            joined = j;
        }
        return j;
    }
}
