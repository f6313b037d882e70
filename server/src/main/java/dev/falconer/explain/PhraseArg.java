package dev.falconer.explain;

import java.util.List;

/** An argument of a {@link Phrase}. */
public sealed interface PhraseArg {

    /** Prose already in the explanation's language (e.g. a catalog noun phrase). */
    record Text(String text) implements PhraseArg {
    }

    /** A field: its noun phrase, and in markdown also its name. */
    record Field(String name, String phrase) implements PhraseArg {
    }

    /** A literal or identifier shown as written (a code span in markdown). */
    record Code(String text) implements PhraseArg {
    }

    /**
     * A set of values. A template sees it through several placeholders (see the header of
     * {@code phrases.properties}): plain, "or" and "and" lists, the count, head and last item.
     */
    record Values(List<ValueItem> items) implements PhraseArg {
        public Values {
            items = List.copyOf(items);
        }
    }

    /** Several phrases read together ("the process name and the user name"). */
    record All(List<PhraseArg> parts) implements PhraseArg {
        public All {
            parts = List.copyOf(parts);
        }
    }

    /** A nested phrase, such as a transformer applied to a field. */
    record Sub(Phrase phrase) implements PhraseArg {
    }

    /**
     * A whole clause set inside another ("no ancestor matches (…)"): always in its final form,
     * whatever form the enclosing phrase takes.
     */
    record Quoted(Phrase phrase) implements PhraseArg {
    }
}
