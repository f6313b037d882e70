package dev.falconer.check;

import dev.falconer.condition.Value;
import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;

/**
 * Which values of a long value list the value checks had something to say about, for the lists
 * checked last: a keystroke elsewhere in a rule testing {@code fd.sip in (threat_feed)} makes a
 * new condition with the same 100,000 values, and checking each again (an address parsed, a field
 * name looked for) was half of what that keystroke cost. With the same values in the same
 * context, only the values that were reported on are checked again; the others had nothing to
 * report and still have nothing, since a value's checks read only the value and the context.
 */
final class LongListChecks {
    /** Shorter lists are checked value by value: comparing them would cost what checking does. */
    static final int MIN_VALUES = 1000;
    /** Lists remembered: the rule being edited, and another naming the same list. */
    private static final int KEPT = 2;

    /**
     * Everything a value's checks read besides the value: the catalog, the field's scope, how
     * lenient the check is, the left-hand side and its resolution, the operator and modifier.
     */
    record Context(Object catalog, FieldScope scope, ConditionChecker.Leniency leniency, Object left,
                   Object resolved, Object operandType, Object operator, Object modifier) {
    }

    /**
     * The values as texts and kinds only: the texts are the parse's own strings, and holding the
     * values themselves kept a third copy of a feed's 100,000 values (with their places) alive.
     */
    private record Checked(Context context, String[] texts, Value.Kind[] kinds, BitSet reported) {
    }

    private final Deque<Checked> recent = new ArrayDeque<>(KEPT);
    /** Lists found checked before: lets the tests tell that the path ran. */
    private final java.util.concurrent.atomic.AtomicLong hits = new java.util.concurrent.atomic.AtomicLong();

    /** The indexes of the values that were reported on, or {@code null} when these values were not checked so. */
    BitSet reported(Context context, List<Value> values) {
        List<Checked> candidates;
        synchronized (recent) {
            candidates = List.copyOf(recent);
        }
        for (Checked c : candidates) {
            if (c.context().equals(context) && sameValues(c, values)) {
                hits.incrementAndGet();
                return c.reported();
            }
        }
        return null;
    }

    long hits() {
        return hits.get();
    }

    void remember(Context context, List<Value> values, BitSet reported) {
        String[] texts = new String[values.size()];
        Value.Kind[] kinds = new Value.Kind[values.size()];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = values.get(i).text();
            kinds[i] = values.get(i).kind();
        }
        synchronized (recent) {
            recent.removeIf(c -> c.context().equals(context));
            recent.addFirst(new Checked(context, texts, kinds, reported));
            while (recent.size() > KEPT) {
                recent.removeLast();
            }
        }
    }

    /** Same texts and kinds in the same order (the places may differ); the parser shares the texts of lists it takes over. */
    private static boolean sameValues(Checked checked, List<Value> values) {
        if (checked.texts().length != values.size()) {
            return false;
        }
        for (int i = 0; i < checked.texts().length; i++) {
            Value v = values.get(i);
            if (v.kind() != checked.kinds()[i] || !v.text().equals(checked.texts()[i])) {
                return false;
            }
        }
        return true;
    }
}
