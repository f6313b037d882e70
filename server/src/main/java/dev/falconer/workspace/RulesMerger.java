package dev.falconer.workspace;

import dev.falconer.rules.ExceptionSpec;
import dev.falconer.rules.FalcoScalars;
import dev.falconer.rules.ListItem;
import dev.falconer.rules.MacroItem;
import dev.falconer.rules.NamedItem;
import dev.falconer.rules.OverrideSpec;
import dev.falconer.rules.OverrideSpec.Operation;
import dev.falconer.rules.OverrideSpec.OverrideOp;
import dev.falconer.rules.RuleItem;
import dev.falconer.rules.RulesDocument;
import dev.falconer.rules.RulesItem;
import dev.falconer.rules.YamlEntry;
import dev.falconer.rules.YamlScalar;
import dev.falconer.rules.YamlSequence;
import dev.falconer.rules.YamlValue;
import dev.falconer.text.TextSpan;
import dev.falconer.workspace.Definition.Role;
import dev.falconer.workspace.MergeProblem.Kind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Merges files in load order with the semantics of Falco's rule collector (spec §2.10–§2.11):
 * redefinition in place, legacy {@code append: true}, {@code override} append/replace,
 * enabled-only entries, exception appends, one operation counter for index and visibility.
 * Pure: the same documents always give the same result.
 */
public final class RulesMerger {
    /** The keys of a rule that {@code override} may append to (the others can only be replaced). */
    public static final Set<String> RULE_APPENDABLE = Set.of("condition", "output", "desc", "tags", "exceptions");
    private static final Set<String> RULE_REPLACEABLE = Set.of("condition", "output", "desc", "priority", "tags",
            "exceptions", "enabled", "warn_evttypes", "skip-if-unknown-filter", "capture", "capture_duration");
    private static final String DEFAULT_SOURCE = "syscall";

    private final List<Definition> definitions = new ArrayList<>();
    private final Map<String, ListState> lists = new LinkedHashMap<>();
    private final Map<String, MacroState> macros = new LinkedHashMap<>();
    private final Map<String, RuleState> rules = new LinkedHashMap<>();
    private final List<MergeProblem> problems = new ArrayList<>();
    /** Per definition (each merged entry makes exactly one): the problems met while merging it. */
    private final List<List<MergeProblem>> problemsByDefinition = new ArrayList<>();
    private int sequence;
    private String uri;
    /** When re-merging some names only: the sequence number each entry had ({@link #UNRECORDED} for none). */
    private final int[] expected;
    /** When re-merging: the index of the entry being merged. */
    private int entry;

    private RulesMerger(int[] expected) {
        this.expected = expected;
    }

    public static MergedRules merge(List<RulesDocument> documents) {
        return mergeAll(documents).merged();
    }

    /** A merge with the problems of each definition apart (aligned with {@code merged.definitions()}). */
    record Merge(MergedRules merged, List<List<MergeProblem>> problemsByDefinition) {
    }

    /** An entry of a file, for re-merging some names. */
    record Entry(String uri, NamedItem item) {
    }

    static Merge mergeAll(List<RulesDocument> documents) {
        RulesMerger m = new RulesMerger(null);
        for (RulesDocument doc : documents) {
            m.uri = doc.uri();
            for (RulesItem item : doc.items()) {
                if (item instanceof NamedItem named && named.name() != null) {
                    m.addEntry(named);
                }
            }
        }
        return new Merge(m.result(), m.problemsByDefinition);
    }

    /** The sequence an entry the full merge rejected had: a re-merge that records it gives it -2, which no definition has. */
    static final int UNRECORDED = -2;

    /**
     * Merges only the entries of some names (all of them, in load order), giving each recorded
     * entry the sequence number it had in the full merge ({@code sequences}, aligned with
     * {@code entries}; {@link #UNRECORDED} for an entry it rejected). The merge of a name reads
     * nothing of other names, so the result equals the full merge's for those names as long as
     * every entry keeps its role (the caller compares roles and sequences).
     */
    static Merge remerge(List<Entry> entries, int[] sequences) {
        RulesMerger m = new RulesMerger(sequences);
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            m.uri = e.uri();
            m.entry = i;
            m.addEntry(e.item());
        }
        return new Merge(m.result(), m.problemsByDefinition);
    }

    private void addEntry(NamedItem named) {
        int before = problems.size();
        add(named);
        problemsByDefinition.add(before == problems.size() ? List.of()
                : List.copyOf(problems.subList(before, problems.size())));
    }

    private void add(NamedItem item) {
        if (item.override() != null && item.isLegacyAppend()) {
            problem(Kind.OVERRIDE_WITH_LEGACY_APPEND, item, item.append().span());
        }
        if (item instanceof ListItem l) {
            addList(l);
        } else if (item instanceof MacroItem m) {
            addMacro(m);
        } else if (item instanceof RuleItem r) {
            addRule(r);
        }
    }

    // ---- lists and macros: append, or (re)define --------------------------------------------

    private void addList(ListItem item) {
        String name = item.name();
        Mode mode = simpleMode(item, "items");
        List<SourcedValue> values;
        if (item.items() != null && item.items().value() instanceof YamlSequence seq) {
            List<YamlValue> from = seq.items();
            values = new ArrayList<>(from.size());
            for (int i = 0; i < from.size(); i++) {
                values.add(SourcedValue.of(uri, from.get(i)));
            }
        } else {
            values = new ArrayList<>();
        }
        ListState prev = lists.get(name);
        if (mode == Mode.APPEND) {
            if (prev == null) {
                reject(item, Kind.LIST_APPEND_WITHOUT_LIST);
                return;
            }
            prev.items.addAll(values);
            prev.visibility = record(item, Role.APPEND);
            prev.contributions.add(last());
        } else {
            int seq = record(item, mode == Mode.REPLACE ? Role.OVERRIDE : Role.DEFINE);
            ListState s = prev != null ? prev : new ListState(seq);
            // the entry's values become the list's (no copy: this list is this state's alone)
            s.items = values;
            s.visibility = seq;
            s.contributions.add(last());
            lists.putIfAbsent(name, s);
        }
    }

    private void addMacro(MacroItem item) {
        String name = item.name();
        Mode mode = simpleMode(item, "condition");
        SourcedText condition = sourced(item.condition());
        MacroState prev = macros.get(name);
        if (mode == Mode.APPEND) {
            if (prev == null) {
                reject(item, Kind.MACRO_APPEND_WITHOUT_MACRO);
                return;
            }
            // a macro or append without a condition scalar (being typed) must not break the merge
            prev.condition = AppendedText.append(prev.condition, condition);
            prev.visibility = record(item, Role.APPEND);
            prev.contributions.add(last());
        } else {
            int seq = record(item, mode == Mode.REPLACE ? Role.OVERRIDE : Role.DEFINE);
            MacroState s = prev != null ? prev : new MacroState(seq);
            s.condition = AppendedText.of(condition);
            s.visibility = seq;
            s.contributions.add(last());
            macros.putIfAbsent(name, s);
        }
    }

    private enum Mode { DEFINE, APPEND, REPLACE }

    /** Lists and macros: the one overridable key decides between append and (re)definition. */
    private Mode simpleMode(NamedItem item, String key) {
        OverrideSpec override = item.override();
        if (override == null) {
            return item.isLegacyAppend() ? Mode.APPEND : Mode.DEFINE;
        }
        checkOverrideOps(item, override, Set.of(key), Set.of(key));
        OverrideOp op = override.op(key);
        if (op != null && op.operation() == Operation.APPEND) {
            return Mode.APPEND;
        }
        return op != null && op.operation() == Operation.REPLACE ? Mode.REPLACE : Mode.DEFINE;
    }

    /** Invalid operations and keys that cannot be appended or replaced. */
    private void checkOverrideOps(NamedItem item, OverrideSpec override, Set<String> appendable, Set<String> replaceable) {
        if (!override.isMapping()) {
            problem(Kind.OVERRIDE_NOT_A_MAPPING, item, override.entry().valueSpan());
            return;
        }
        for (OverrideOp op : override.ops()) {
            String key = op.key() == null ? "" : op.key();
            switch (op.operation()) {
                case INVALID -> problem(Kind.INVALID_OVERRIDE_OPERATION, item, op.entry().valueSpan(), key,
                        op.entry().text() == null ? "" : op.entry().text());
                case APPEND -> {
                    if (!permitted(op, appendable, replaceable)) {
                        problem(Kind.KEY_NOT_APPENDABLE, item, op.entry().keySpan(), key);
                    }
                }
                case REPLACE -> {
                    if (!permitted(op, appendable, replaceable)) {
                        problem(Kind.KEY_NOT_REPLACEABLE, item, op.entry().keySpan(), key);
                    }
                }
            }
        }
    }

    /** Whether the key of a valid append or replace may be appended or replaced. */
    private static boolean permitted(OverrideOp op, Set<String> appendable, Set<String> replaceable) {
        String key = op.key() == null ? "" : op.key();
        return op.operation() == Operation.APPEND ? appendable.contains(key) : replaceable.contains(key);
    }

    // ---- rules ---------------------------------------------------------------------------

    private void addRule(RuleItem item) {
        String name = item.name();
        RuleState prev = rules.get(name);
        OverrideSpec override = item.override();
        if (override != null) {
            overrideRule(item, override, prev);
        } else if (item.isLegacyAppend()) {
            appendRuleLegacy(item, prev);
        } else if (item.condition() == null && item.output() == null && item.desc() == null
                && item.priority() == null) {
            if (prev == null) {
                if (item.enabled() != null) {
                    reject(item, Kind.ENABLE_WITHOUT_RULE);
                } else {
                    // Falco stops at the missing 'enabled' (a missing-key error): no rule to speak of
                    rejectQuietly(item);
                }
                return;
            }
            if (item.enabled() != null) {
                FalcoScalars.bool(item.enabled().text()).ifPresent(b -> prev.enabled = b);
            }
            record(item, Role.ENABLE);
            prev.contributions.add(last());
        } else {
            String source = item.sourceText() == null ? DEFAULT_SOURCE : item.sourceText();
            if (prev != null && !prev.source.equals(source)) {
                problem(Kind.SOURCE_MISMATCH, item, sourceSpan(item), source, prev.source);
            }
            int seq = record(item, Role.DEFINE);
            RuleState s = prev != null ? prev : new RuleState(seq);
            s.condition = AppendedText.of(sourced(item.condition()));
            s.output = AppendedText.of(sourced(item.output()));
            s.desc = AppendedText.of(sourced(item.desc()));
            s.priority = origin(item.priority());
            s.source = source;
            s.enabled = item.enabled() == null || FalcoScalars.bool(item.enabled().text()).orElse(true);
            s.tags.clear();
            s.tags.addAll(tags(item.tags()));
            s.exceptions.clear();
            for (ExceptionSpec spec : item.exceptionSpecs()) {
                s.exceptions.add(new ExceptionState(spec));
            }
            s.contributions.add(last());
            rules.putIfAbsent(name, s);
        }
    }

    private void appendRuleLegacy(RuleItem item, RuleState prev) {
        if (prev == null) {
            reject(item, Kind.RULE_APPEND_WITHOUT_RULE);
            return;
        }
        if (item.condition() == null && item.exceptions() == null) {
            problem(Kind.APPEND_WITHOUT_CONDITION_OR_EXCEPTIONS, item, item.nameSpan(), item.name());
        }
        checkAppendSource(item, prev);
        if (item.condition() != null) {
            prev.condition = AppendedText.append(prev.condition, sourced(item.condition()));
        }
        appendExceptions(item, prev);
        record(item, Role.APPEND);
        prev.contributions.add(last());
    }

    private void overrideRule(RuleItem item, OverrideSpec override, RuleState prev) {
        checkOverrideOps(item, override, RULE_APPENDABLE, RULE_REPLACEABLE);
        boolean anyReplace = false;
        for (OverrideOp op : override.ops()) {
            // a key that cannot be appended or replaced at all has that error already, at the same place
            if (op.key() != null && op.operation() != Operation.INVALID && permitted(op, RULE_APPENDABLE, RULE_REPLACEABLE)
                    && item.mapping().get(op.key()) == null) {
                problem(Kind.OVERRIDE_KEY_NOT_DEFINED, item, op.entry().keySpan(),
                        op.operation().name().toLowerCase(java.util.Locale.ROOT), op.key());
            }
            anyReplace |= op.operation() == Operation.REPLACE;
        }
        for (YamlEntry e : item.mapping().entries()) {
            String key = e.keyText();
            if (key != null && RULE_REPLACEABLE.contains(key) && override.isMapping() && override.op(key) == null) {
                problem(Kind.KEY_WITHOUT_OVERRIDE, item, e.keySpan(), key);
            }
        }
        if (prev == null) {
            OverrideOp first = override.ops().isEmpty() ? null : override.ops().get(0);
            boolean append = first == null || first.operation() != Operation.REPLACE;
            problem(append ? Kind.RULE_APPEND_WITHOUT_RULE : Kind.RULE_REPLACE_WITHOUT_RULE, item, item.nameSpan(),
                    item.name(), first == null ? "" : String.valueOf(first.key()));
            definitions.add(new Definition(SymbolKey.rule(item.name()), uri, item, Role.REJECTED, -1));
            return;
        }
        checkAppendSource(item, prev);
        for (OverrideOp op : override.ops()) {
            YamlEntry value = op.key() == null ? null : item.mapping().get(op.key());
            if (value == null) {
                continue;
            }
            if (op.operation() == Operation.APPEND && RULE_APPENDABLE.contains(op.key())) {
                switch (op.key()) {
                    case "condition" -> prev.condition = AppendedText.append(prev.condition, sourced(value));
                    case "output" -> prev.output = AppendedText.append(prev.output, sourced(value));
                    case "desc" -> prev.desc = AppendedText.append(prev.desc, sourced(value));
                    case "tags" -> prev.tags.addAll(tags(value));
                    case "exceptions" -> appendExceptions(item, prev);
                    default -> { }
                }
            } else if (op.operation() == Operation.REPLACE && RULE_REPLACEABLE.contains(op.key())) {
                switch (op.key()) {
                    case "condition" -> prev.condition = AppendedText.of(sourced(value));
                    case "output" -> prev.output = AppendedText.of(sourced(value));
                    case "desc" -> prev.desc = AppendedText.of(sourced(value));
                    case "priority" -> prev.priority = origin(value);
                    case "tags" -> {
                        prev.tags.clear();
                        prev.tags.addAll(tags(value));
                    }
                    case "exceptions" -> {
                        prev.exceptions.clear();
                        for (ExceptionSpec spec : item.exceptionSpecs()) {
                            prev.exceptions.add(new ExceptionState(spec));
                        }
                    }
                    case "enabled" -> FalcoScalars.bool(value.text()).ifPresent(b -> prev.enabled = b);
                    default -> { }
                }
            }
        }
        record(item, anyReplace ? Role.OVERRIDE : Role.APPEND);
        prev.contributions.add(last());
    }

    private void checkAppendSource(RuleItem item, RuleState prev) {
        String source = item.sourceText();
        if (source != null && !source.equals(prev.source)) {
            problem(Kind.SOURCE_MISMATCH, item, sourceSpan(item), source, prev.source);
        }
    }

    private void appendExceptions(RuleItem item, RuleState prev) {
        for (ExceptionSpec spec : item.exceptionSpecs()) {
            String name = spec.nameText();
            ExceptionState existing = null;
            for (ExceptionState e : prev.exceptions) {
                if (e.name.equals(name)) {
                    existing = e;
                }
            }
            if (existing != null) {
                if (spec.fields() != null) {
                    problem(Kind.EXCEPTION_APPEND_REDEFINES, item, spec.fields().keySpan(), name, "fields");
                }
                if (spec.comps() != null) {
                    problem(Kind.EXCEPTION_APPEND_REDEFINES, item, spec.comps().keySpan(), name, "comps");
                }
                if (spec.values() == null) {
                    problem(Kind.EXCEPTION_APPEND_NO_VALUES, item, spec.node().span(), name);
                }
                existing.addValues(spec);
            } else {
                // without a name Falco's reader stops first (the missing name is reported): no "'null' needs fields"
                if (spec.fields() == null && name != null) {
                    problem(Kind.EXCEPTION_APPEND_WITHOUT_FIELDS, item, spec.node().span(), name);
                }
                // Falco's collector: a new name brings values, at least one (the reader has warned already)
                if (name != null && (spec.values() == null
                        || spec.values().value() instanceof YamlSequence v && v.items().isEmpty())) {
                    problem(Kind.EXCEPTION_APPEND_WITHOUT_VALUES, item, spec.node().span(), name);
                }
                prev.exceptions.add(new ExceptionState(spec));
            }
        }
    }

    // ---- bookkeeping ---------------------------------------------------------------------

    private int record(NamedItem item, Role role) {
        SymbolKey key = new SymbolKey(item.kind(), item.name());
        int seq;
        if (expected == null) {
            seq = sequence++;
        } else {
            // re-merging: the entry's earlier sequence (UNRECORDED when it was rejected: the caller sees the change)
            seq = expected[entry];
        }
        definitions.add(new Definition(key, uri, item, role, seq));
        return seq;
    }

    private Definition last() {
        return definitions.get(definitions.size() - 1);
    }

    private void reject(NamedItem item, Kind kind) {
        problem(kind, item, item.nameSpan(), item.name());
        rejectQuietly(item);
    }

    private void rejectQuietly(NamedItem item) {
        definitions.add(new Definition(new SymbolKey(item.kind(), item.name()), uri, item, Role.REJECTED, -1));
    }

    private void problem(Kind kind, NamedItem item, TextSpan span, String... args) {
        problems.add(new MergeProblem(kind, uri, item, span, List.of(args)));
    }

    private static TextSpan sourceSpan(RuleItem item) {
        return item.source() != null ? item.source().valueSpan() : item.nameSpan();
    }

    private SourcedText sourced(YamlEntry entry) {
        if (entry == null || !(entry.value() instanceof YamlScalar s)) {
            return null;
        }
        return SourcedText.of(new ScalarOrigin(uri, s));
    }

    private ScalarOrigin origin(YamlEntry entry) {
        return entry != null && entry.value() instanceof YamlScalar s ? new ScalarOrigin(uri, s) : null;
    }

    private static List<String> tags(YamlEntry entry) {
        List<String> out = new ArrayList<>();
        if (entry != null && entry.value() instanceof YamlSequence seq) {
            for (YamlValue v : seq.items()) {
                if (v instanceof YamlScalar s && !s.isNull()) {
                    out.add(s.value());
                }
            }
        }
        return out;
    }

    private MergedRules result() {
        Map<String, EffectiveList> l = new LinkedHashMap<>();
        lists.forEach((name, s) -> l.put(name, new EffectiveList(name, s.items, s.index, s.visibility, s.contributions)));
        Map<String, EffectiveMacro> m = new LinkedHashMap<>();
        macros.forEach((name, s) -> m.put(name, new EffectiveMacro(name,
                s.condition == null ? SourcedText.synthetic("") : s.condition.text(), s.index, s.visibility, s.contributions)));
        Map<String, EffectiveRule> r = new LinkedHashMap<>();
        rules.forEach((name, s) -> {
            // indexed, and nothing for a rule without exceptions: this runs for every rule on
            // every keystroke, and C1 does not remove iterators
            List<EffectiveException> ex = s.exceptions.isEmpty() ? List.of() : new ArrayList<>(s.exceptions.size());
            for (int i = 0; i < s.exceptions.size(); i++) {
                ex.add(s.exceptions.get(i).effective());
            }
            // Set.of over the sorted tags: Set.copyOf would build a HashSet first
            r.put(name, new EffectiveRule(name, AppendedText.text(s.condition), AppendedText.text(s.output),
                    AppendedText.text(s.desc), s.priority, s.source, s.enabled,
                    Set.of(s.tags.toArray(String[]::new)), ex, s.index, s.contributions));
        });
        return new MergedRules(definitions, l, m, r, problems);
    }

    private static final class ListState {
        final int index;
        int visibility;
        List<SourcedValue> items = new ArrayList<>();
        final List<Definition> contributions = new ArrayList<>();

        ListState(int index) {
            this.index = index;
        }
    }

    private static final class MacroState {
        final int index;
        int visibility;
        AppendedText condition;
        final List<Definition> contributions = new ArrayList<>();

        MacroState(int index) {
            this.index = index;
        }
    }

    private static final class RuleState {
        final int index;
        AppendedText condition;
        AppendedText output;
        AppendedText desc;
        ScalarOrigin priority;
        String source = DEFAULT_SOURCE;
        boolean enabled = true;
        final Set<String> tags = new TreeSet<>();
        final List<ExceptionState> exceptions = new ArrayList<>();
        final List<Definition> contributions = new ArrayList<>();

        RuleState(int index) {
            this.index = index;
        }
    }

    /** An exception being merged; {@code uri} of each contribution is kept with its values. */
    private final class ExceptionState {
        final String name;
        final SourcedValue fields;
        final SourcedValue comps;
        final List<SourcedValue> values = new ArrayList<>();
        final List<ExceptionSpec> specs = new ArrayList<>();

        ExceptionState(ExceptionSpec spec) {
            this.name = String.valueOf(spec.nameText());
            this.fields = spec.fields() == null ? new SourcedValue(null, null, List.of())
                    : SourcedValue.of(uri, spec.fields().value());
            this.comps = comps(spec, fields);
            addValues(spec);
        }

        void addValues(ExceptionSpec spec) {
            specs.add(spec);
            if (spec.values() != null && spec.values().value() instanceof YamlSequence seq) {
                for (YamlValue v : seq.items()) {
                    values.add(SourcedValue.of(uri, v));
                }
            }
        }

        /** Falco's defaults: {@code =} per field in the list form, {@code in} in the scalar form; comps trimmed. */
        private SourcedValue comps(ExceptionSpec spec, SourcedValue fields) {
            if (spec.comps() != null) {
                return trimmed(SourcedValue.of(uri, spec.comps().value()));
            }
            if (fields.isList()) {
                List<SourcedValue> eq = new ArrayList<>();
                for (int i = 0; i < fields.items().size(); i++) {
                    eq.add(new SourcedValue("=", null, null));
                }
                return new SourcedValue(null, null, eq);
            }
            return new SourcedValue("in", null, null);
        }

        private SourcedValue trimmed(SourcedValue v) {
            if (v.isList()) {
                return new SourcedValue(null, null, v.items().stream().map(this::trimmed).toList());
            }
            String t = v.text() == null ? null : v.text().strip();
            return t == null || t.equals(v.text()) ? v : new SourcedValue(t, null, null);
        }

        EffectiveException effective() {
            return new EffectiveException(name, fields, comps, values, specs);
        }
    }
}
