package dev.falconer.condition;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Parses as {@link ConditionParser#parse} does, and takes over the long value lists of recent
 * large parses that a new text still holds. A rule testing {@code fd.sip in (threat_feed)} against
 * a list of 100,000 addresses is, after Falco's textual list substitution, a 2 MB text; each
 * keystroke elsewhere in that rule makes a new text with the same list in it, which took 60 ms to
 * read again. Instead the new text is parsed with each such list cut down to its first value, and
 * the other values are put back, moved by what the edit moved them.
 *
 * <p>The result equals a full parse, spans and errors included. What decides how the values read
 * is the list's own text, which the earlier parse read, and the tokenizer's state at its opening
 * parenthesis, which the shortened text reaches the same way: a cut list must come back as a value
 * list holding exactly its first value, at the same place, before any error; else the text is
 * parsed in full. Thread-safe: the kept results are immutable and shared under a lock.
 */
public final class ReusingConditionParser implements Function<String, ParsedCondition> {
    /** Smaller texts are parsed in full: what is kept and compared would cost more than it saves. */
    static final int MIN_TEXT = 32 * 1024;
    /** The least text a list must hold after its first value to be taken over. */
    static final int MIN_CUT = 4 * 1024;
    /**
     * Large parses kept: the text before the last keystroke is what the next one is read against;
     * a second one for two such rules checked in turn. Each holds its list's values (about 10 MB
     * for 100,000 addresses), shared with the parses made from it.
     */
    private static final int KEPT = 2;

    private final Deque<Kept> recent = new ArrayDeque<>(KEPT);
    private final int minText;
    private final int minCut;
    /** Parses that took values over: lets the tests tell reuse from a full parse. */
    private final AtomicInteger reused = new AtomicInteger();

    public ReusingConditionParser() {
        this(MIN_TEXT, MIN_CUT);
    }

    /** With other thresholds, so that tests can try many small texts. */
    ReusingConditionParser(int minText, int minCut) {
        this.minText = minText;
        this.minCut = minCut;
    }

    @Override
    public ParsedCondition apply(String text) {
        if (text == null || text.length() < minText) {
            return ConditionParser.parse(text);
        }
        List<Kept> candidates;
        synchronized (recent) {
            candidates = List.copyOf(recent);
        }
        ParsedCondition result = null;
        for (Kept k : candidates) {
            result = reuse(k, text);
            if (result != null) {
                reused.incrementAndGet();
                break;
            }
        }
        if (result == null) {
            result = ConditionParser.parse(text);
        }
        List<ValueList> lists = longLists(result);
        if (!lists.isEmpty()) {
            synchronized (recent) {
                recent.removeIf(k -> k.parsed().text().equals(text));
                recent.addFirst(new Kept(result, lists));
                while (recent.size() > KEPT) {
                    recent.removeLast();
                }
            }
        }
        return result;
    }

    int reusedCount() {
        return reused.get();
    }

    /** A large parse and its long value lists, all read without error. */
    private record Kept(ParsedCondition parsed, List<ValueList> lists) {
    }

    /**
     * One list taken over: {@code list} from the kept parse, moved by {@code shift} in the new text,
     * where the shortened text leaves out {@code removed} characters after its first value; that
     * first value ends at {@code at} in the shortened text.
     */
    private record Cut(ValueList list, int shift, int removed, int at) {
    }

    /** The new text parsed with the kept lists it still holds taken over, or {@code null}. */
    private static ParsedCondition reuse(Kept kept, String text) {
        String old = kept.parsed().text();
        int delta = text.length() - old.length();
        List<Cut> found = new ArrayList<>();
        int lastEnd = -1;
        int removedBefore = 0;
        for (ValueList list : kept.lists()) { // in text order
            int start = list.span().start();
            int length = list.span().length();
            int shift;
            if (start + length <= text.length() && text.regionMatches(start, old, start, length)) {
                shift = 0;
            } else if (delta != 0 && start + delta >= 0 && start + delta + length <= text.length()
                    && text.regionMatches(start + delta, old, start, length)) {
                shift = delta;
            } else {
                continue;
            }
            if (start + shift < lastEnd) {
                continue; // overlaps a list taken before it: only possible with two candidate places
            }
            List<Value> values = list.values();
            int firstEnd = values.get(0).span().end();
            int removed = values.get(values.size() - 1).span().end() - firstEnd;
            found.add(new Cut(list, shift, removed, firstEnd + shift - removedBefore));
            removedBefore += removed;
            lastEnd = start + shift + length;
        }
        if (found.isEmpty()) {
            return null;
        }
        StringBuilder shortened = new StringBuilder(text.length() - removedBefore);
        int from = 0;
        for (Cut c : found) {
            int cutStart = c.list().values().get(0).span().end() + c.shift();
            shortened.append(text, from, cutStart);
            from = cutStart + c.removed();
        }
        shortened.append(text, from, text.length());
        ParsedCondition small = ConditionParser.parse(shortened.toString());
        Splice splice = new Splice(found);
        if (!splice.verify(small)) {
            return null;
        }
        List<SyntaxError> errors = new ArrayList<>(small.errors().size());
        for (SyntaxError e : small.errors()) {
            errors.add(new SyntaxError(splice.span(e.span()), e.key(), e.args()));
        }
        return new ParsedCondition(text, splice.bool(small.root()), errors);
    }

    /** The value lists of a parse that are worth keeping, in text order, all before its first error. */
    private List<ValueList> longLists(ParsedCondition parsed) {
        int validBefore = validBefore(parsed);
        List<ValueList> out = new ArrayList<>();
        for (ValueList list : valueLists(parsed.root())) {
            List<Value> values = list.values();
            // a list cut short by an error (no closing parenthesis) is not one to take over
            if (values.size() >= 2 && list.span().end() <= validBefore
                    && parsed.text().charAt(list.span().end() - 1) == ')'
                    && values.get(values.size() - 1).span().end() - values.get(0).span().end() >= minCut) {
                out.add(list);
            }
        }
        return out;
    }

    /** The value lists of a tree in text order, found without entering them: the values are most of the tree. */
    private static List<ValueList> valueLists(BoolExpr root) {
        List<ValueList> out = new ArrayList<>();
        AstWalker.walkOutsideLists(root, n -> {
            if (n instanceof ValueList l) {
                out.add(l);
            }
        });
        return out;
    }

    /** Nodes ending after this offset of a parse come from error recovery. */
    private static int validBefore(ParsedCondition parsed) {
        return parsed.errors().isEmpty() ? Integer.MAX_VALUE : parsed.errors().get(0).span().start();
    }

    /**
     * The shortened text's tree moved into the new text's offsets, each cut list given back its
     * values. Subtrees that end before the first cut stay as they are.
     */
    private static final class Splice {
        private final List<Cut> cuts;
        /** For each cut, where its list starts in the shortened text. */
        private final Map<Integer, Cut> byStart = new HashMap<>();
        private final int firstCut;

        Splice(List<Cut> cuts) {
            this.cuts = cuts;
            for (Cut c : cuts) {
                byStart.put(c.at() - (c.list().values().get(0).span().end() - c.list().span().start()), c);
            }
            this.firstCut = cuts.get(0).at();
        }

        /** True when every cut list came back as itself with only its first value, before any error. */
        boolean verify(ParsedCondition small) {
            if (small.root() == null) {
                return false;
            }
            int validBefore = validBefore(small);
            Map<Integer, ValueList> lists = new HashMap<>();
            for (ValueList l : valueLists(small.root())) {
                lists.put(l.span().start(), l);
            }
            for (Map.Entry<Integer, Cut> e : byStart.entrySet()) {
                ValueList got = lists.get(e.getKey());
                Cut c = e.getValue();
                ValueList was = c.list();
                int start = e.getKey();
                int end = start + was.span().length() - c.removed();
                if (got == null || got.values().size() != 1 || got.span().end() != end || end > validBefore) {
                    return false;
                }
                Value first = was.values().get(0);
                Value mine = got.values().get(0);
                int moved = start - was.span().start();
                if (!mine.text().equals(first.text()) || mine.kind() != first.kind()
                        || mine.span().start() != first.span().start() + moved
                        || mine.span().end() != first.span().end() + moved) {
                    return false;
                }
            }
            return true;
        }

        /** Where {@code p}, a start in the shortened text, lies in the new text. */
        private int start(int p) {
            int moved = p;
            for (Cut c : cuts) {
                if (c.at() <= p) {
                    moved += c.removed();
                }
            }
            return moved;
        }

        /** Where the end {@code p} of a span starting at {@code s} lies in the new text. */
        private int end(int s, int p) {
            int moved = p;
            for (Cut c : cuts) {
                if (c.at() < p || c.at() == p && s >= p) {
                    moved += c.removed();
                }
            }
            return moved;
        }

        Span span(Span s) {
            if (s == null || s.end() < firstCut || s.end() == firstCut && s.start() < firstCut) {
                return s;
            }
            return new Span(start(s.start()), end(s.start(), s.end()));
        }

        private boolean before(Node n) {
            Span s = n.span();
            return s.end() < firstCut || s.end() == firstCut && s.start() < firstCut;
        }

        BoolExpr bool(BoolExpr b) {
            if (b == null || before(b)) {
                return b;
            }
            if (b instanceof And a) {
                return new And(bools(a.children()), span(a.span()));
            } else if (b instanceof Or o) {
                return new Or(bools(o.children()), span(o.span()));
            } else if (b instanceof Not n) {
                return new Not(bool(n.child()), span(n.keyword()), span(n.span()));
            } else if (b instanceof MacroRef m) {
                return new MacroRef(m.name(), span(m.span()));
            } else if (b instanceof Exists e) {
                return new Exists(operand(e.left()), span(e.operator()), span(e.span()));
            }
            Check c = (Check) b;
            return new Check(operand(c.left()), c.operator(), span(c.operatorSpan()), c.modifier(),
                    span(c.modifierSpan()), rhs(c.right()), span(c.span()));
        }

        private List<BoolExpr> bools(List<BoolExpr> in) {
            List<BoolExpr> out = new ArrayList<>(in.size());
            for (BoolExpr b : in) {
                out.add(bool(b));
            }
            return out;
        }

        private Operand operand(Operand o) {
            return o instanceof Transformer t ? transformer(t) : (Operand) field((FieldRef) o);
        }

        private FieldRef field(FieldRef f) {
            if (f == null || before(f)) {
                return f;
            }
            return new FieldRef(f.name(), span(f.nameSpan()), fieldArg(f.argument()), span(f.span()));
        }

        private FieldArg fieldArg(FieldArg a) {
            if (a == null || before(a)) {
                return a;
            }
            return new FieldArg(a.value(), a.quoted(), span(a.span()), span(a.brackets()));
        }

        private Transformer transformer(Transformer t) {
            if (t == null || before(t)) {
                return t;
            }
            List<TransformerArg> args = new ArrayList<>(t.args().size());
            for (TransformerArg a : t.args()) {
                args.add(transformerArg(a));
            }
            return new Transformer(t.name(), span(t.nameSpan()), args, fieldArg(t.argument()), span(t.span()));
        }

        private TransformerArg transformerArg(TransformerArg a) {
            if (a == null || before(a)) {
                return a;
            }
            if (a instanceof FieldRef f) {
                return field(f);
            } else if (a instanceof Transformer t) {
                return transformer(t);
            } else if (a instanceof Value v) {
                return value(v);
            }
            TransformerList l = (TransformerList) a;
            List<TransformerArg> items = new ArrayList<>(l.items().size());
            for (TransformerArg i : l.items()) {
                items.add(transformerArg(i));
            }
            return new TransformerList(items, span(l.span()));
        }

        private Rhs rhs(Rhs r) {
            if (r == null || before(r)) {
                return r;
            }
            if (r instanceof Value v) {
                return value(v);
            } else if (r instanceof Transformer t) {
                return transformer(t);
            }
            ValueList l = (ValueList) r;
            Cut c = byStart.get(l.span().start());
            if (c != null) {
                return new ValueList(moved(c.list().values(), c.shift()), span(l.span()));
            }
            List<Value> values = new ArrayList<>(l.values().size());
            for (Value v : l.values()) {
                values.add(value(v));
            }
            return new ValueList(values, span(l.span()));
        }

        private Value value(Value v) {
            return before(v) ? v : new Value(v.text(), v.kind(), span(v.span()));
        }

        /** The kept values, moved by {@code shift}: the same objects when nothing moved. */
        private static List<Value> moved(List<Value> values, int shift) {
            if (shift == 0) {
                return values;
            }
            List<Value> out = new ArrayList<>(values.size());
            for (Value v : values) {
                out.add(new Value(v.text(), v.kind(), new Span(v.span().start() + shift, v.span().end() + shift)));
            }
            return out;
        }
    }
}
