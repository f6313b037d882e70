package dev.falconer.service;

import dev.falconer.condition.Operator;

import dev.falconer.catalog.FieldCatalog;
import dev.falconer.catalog.FieldInfo;
import dev.falconer.catalog.FieldFlag;
import dev.falconer.catalog.SourceScope;
import dev.falconer.rules.ItemKind;
import dev.falconer.rules.MacroItem;
import dev.falconer.rules.NamedItem;
import dev.falconer.rules.RuleItem;
import dev.falconer.rules.RulesDocument;
import dev.falconer.rules.RulesItem;
import dev.falconer.rules.SourceMap;
import dev.falconer.rules.YamlScalar;
import dev.falconer.text.TextRange;
import dev.falconer.text.TextSpan;
import dev.falconer.workspace.WorkspaceSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Completion: decides from the YAML around the cursor (parsed when possible, read line by line
 * when the item is half-typed) which kind of proposals fit, and delegates conditions to
 * {@link ConditionCompletion}.
 */
final class CompletionProvider {
    private static final Pattern TOP_PREFIX = Pattern.compile("^(-[ ]*)?[A-Za-z_]*$");
    private static final Pattern KEY_PREFIX = Pattern.compile("^([ ]+)(- +)?([A-Za-z_-]*)$");
    private static final Pattern VALUE_PREFIX = Pattern.compile("^([ ]*)(- +)?([A-Za-z_-]+):[ ]+(.*)$");
    private static final Pattern FLOW_WORD = Pattern.compile("([^\\[\\], ]*)$");

    private final FieldCatalog catalog;
    private final NewTermProposals newTerms = new NewTermProposals();
    /**
     * The fits of the last snapshot asked about, per source (completions come in bursts on one
     * snapshot); the snapshot held weakly: an old one, and the documents closed since, must not
     * stay in memory for the next completion's sake.
     */
    private volatile Fits fits;
    /** Per source, what each macro condition text says by itself (see {@link MacroSourceFit}), across snapshots. */
    private final Map<String, Map<String, MacroSourceFit.Own>> ownBySource =
            new java.util.concurrent.ConcurrentHashMap<>();

    private record Fits(java.lang.ref.WeakReference<WorkspaceSnapshot> snapshot, Map<String, MacroSourceFit> bySource) {
    }

    CompletionProvider(FieldCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * The snapshot's lookups that every condition completion uses, and the new-term proposals of
     * a rule of the default source and those a macro's condition shares with its neighbours (see
     * {@link FalconerService#prepare}): a session's first new-term completion built them, and a
     * rule's again whenever the workspace's macros changed. Returns those proposals, placed at the
     * start of the text with nothing to replace (as at a free cursor).
     */
    List<List<CompletionEntry>> prepare(WorkspaceView symbols, Locale locale) {
        List<String> macros = symbols.names(ItemKind.MACRO);
        List<String> lists = symbols.names(ItemKind.LIST);
        TextRange nowhere = TextRange.of(0, 0, 0, 0); // the proposals are kept unplaced
        List<List<CompletionEntry>> prepared = new ArrayList<>(2);
        for (String source : java.util.Arrays.asList(SourceScope.SYSCALL, null)) {
            prepared.add(ConditionCompletion.complete(new ConditionCompletion.Context(catalog, source,
                    macrosFor(symbols, source, macros), lists, locale, newTerms, false), "", nowhere));
        }
        return prepared;
    }

    List<CompletionEntry> complete(RulesDocument doc, WorkspaceView symbols, int offset, FalconerSettings settings) {
        Locale locale = settings.locale();
        YamlLines lines = new YamlLines(doc.text(), offset);
        String prefix = lines.prefix();
        RulesItem item = itemBefore(doc, offset);

        List<CompletionEntry> inScalar = scalarCompletion(doc, symbols, item, offset, locale);
        if (inScalar != null) {
            return inScalar;
        }
        List<CompletionEntry> inSequence = exceptionSequenceCompletion(doc, symbols, item, lines, offset, locale);
        if (inSequence != null) {
            return inSequence;
        }
        if (TOP_PREFIX.matcher(prefix).matches()) {
            return YamlCompletion.topLevel(range(doc, lines.lineStart(), offset), prefix, locale);
        }
        Matcher key = KEY_PREFIX.matcher(prefix);
        if (key.matches()) {
            int column = prefix.length() - key.group(3).length();
            TextRange r = range(doc, offset - key.group(3).length(), offset);
            return YamlCompletion.keys(lines, column, key.group(3), r, locale);
        }
        Matcher value = VALUE_PREFIX.matcher(prefix);
        if (value.matches()) {
            return valueCompletion(doc, symbols, item, lines, value, offset, settings);
        }
        return List.of();
    }

    /** Inside a parsed condition or output scalar (also just after its last character on the same line). */
    private List<CompletionEntry> scalarCompletion(RulesDocument doc, WorkspaceView symbols, RulesItem item, int offset,
            Locale locale) {
        if (!(item instanceof RuleItem) && !(item instanceof MacroItem)) {
            return null;
        }
        NamedItem named = (NamedItem) item;
        var condition = item instanceof RuleItem r ? r.condition() : ((MacroItem) item).condition();
        YamlScalar s = condition == null ? null : condition.scalar();
        String prefix = scalarPrefix(doc, s, offset);
        if (prefix != null) {
            int start = ConditionCompletion.wordStart(prefix, prefix.length());
            TextRange r = range(doc, offset - (prefix.length() - start), offset);
            return ConditionCompletion.complete(context(symbols, doc.uri(), named, locale),
                    named.readableCondition(prefix), r);
        }
        if (item instanceof RuleItem r && r.output() != null) {
            String out = scalarPrefix(doc, r.output().scalar(), offset);
            if (out != null) {
                int start = ConditionCompletion.wordStart(out, out.length());
                if (start > 0 && out.charAt(start - 1) == '%') {
                    return fieldsOnly(symbols.sourceOf(item), sourceOpen(item, null), out.substring(start),
                            range(doc, offset - (out.length() - start), offset), locale);
                }
                return List.of();
            }
        }
        return null;
    }

    /**
     * The scalar's decoded text up to the cursor, or {@code null} when the cursor is not in it.
     * A cursor after the scalar's end on the same line (trailing blanks that YAML drops) counts as
     * inside, followed by one blank.
     */
    private static String scalarPrefix(RulesDocument doc, YamlScalar s, int offset) {
        if (s == null || s.isNull() || s.span().isEmpty()) {
            return null;
        }
        SourceMap map = s.sourceMap();
        TextSpan whole = map.documentSpan(0, s.value().length());
        if (offset > whole.start() && offset <= whole.end()) {
            int index = map.valueIndex(offset);
            return index < 0 ? null : s.value().substring(0, Math.min(index, s.value().length()));
        }
        int end = s.span().end();
        if (offset > end && offset <= doc.text().length()) {
            String gap = doc.text().substring(end, offset);
            if (!gap.isEmpty() && gap.chars().allMatch(c -> c == ' ' || c == '\t')) {
                return s.value() + " ";
            }
        }
        return null;
    }

    private ConditionCompletion.Context context(WorkspaceView symbols, String uri, NamedItem item, Locale locale) {
        String source = symbols.sourceOf(item);
        return new ConditionCompletion.Context(catalog, source,
                macrosFor(symbols, source, symbols.macrosVisibleFrom(uri, item)), symbols.names(ItemKind.LIST), locale,
                newTerms, sourceOpen(item, null));
    }

    /** The macros a condition of {@code source} can use ({@code null}: a macro's, which serves every source). */
    private List<String> macrosFor(WorkspaceView symbols, String source, List<String> macros) {
        if (source == null || !catalog.isKnownSource(source)) {
            return macros;
        }
        WorkspaceSnapshot snapshot = symbols.snapshot();
        Fits f = fits;
        if (f == null || f.snapshot().get() != snapshot) {
            Map<String, MacroSourceFit> carried = new java.util.concurrent.ConcurrentHashMap<>();
            if (f != null) {
                f.bySource().forEach((s, fit) -> carried.put(s, fit.next(snapshot)));
            }
            f = new Fits(new java.lang.ref.WeakReference<>(snapshot), carried);
            fits = f;
        }
        return f.bySource().computeIfAbsent(source, s -> new MacroSourceFit(catalog, s,
                ownBySource.computeIfAbsent(s, x -> new java.util.concurrent.ConcurrentHashMap<>())))
                .filter(snapshot, macros);
    }

    /**
     * The catalog's sources as a rule author meets them: syscall, the official plugins' sources,
     * then the test plugins' ({@code dummy}, {@code dummy_c} …), which no rules file of a real
     * Falco names (QA round 25: the first proposal was whichever came first alphabetically).
     */
    private List<String> catalogSourcesInOrder() {
        return catalog.sources().stream().sorted(java.util.Comparator
                .comparing((String s) -> SourceScope.SYSCALL.equals(s) ? 0 : s.startsWith("dummy") ? 2 : 1)
                .thenComparing(java.util.Comparator.naturalOrder())).toList();
    }

    /** Fields usable in outputs and exceptions of a rule of {@code source} ({@code null}: every source). */
    private List<CompletionEntry> fieldsOnly(String source, boolean sourceOpen, String word, TextRange r, Locale locale) {
        List<CompletionEntry> out = new ArrayList<>();
        List<FieldInfo> fields = source == null ? catalog.allFields() : catalog.complete(source, word);
        for (FieldInfo f : fields) {
            if (f.name().startsWith(word) && !f.has(FieldFlag.FILTER_ONLY)) {
                out.add(fieldOnly(f, f.type().name(), r, locale, source));
            }
        }
        if (out.isEmpty() && sourceOpen) {
            Texts texts = Texts.of(Docs.BUNDLE, locale);
            OtherSourceFields.of(catalog, word).forEach((f, sources) -> {
                if (!f.has(FieldFlag.FILTER_ONLY)) {
                    out.add(fieldOnly(f, OtherSourceFields.detail(texts, sources), r, locale, sources.get(0)));
                }
            });
        }
        return out;
    }

    private static CompletionEntry fieldOnly(FieldInfo f, String detail, TextRange r, Locale locale, String source) {
        String insert = ConditionCompletion.insertText(f);
        return new CompletionEntry(f.name(), CompletionEntry.Kind.FIELD, detail, f.description(locale), insert,
                insert.contains("$"), r, ConditionCompletion.fieldRank(f) + "_" + f.name(), f.has(FieldFlag.DEPRECATED),
                new CompletionEntry.ResolveKey("field", f.name(), source));
    }

    private static CompletionEntry quotedIfBracketed(CompletionEntry e) {
        if (e.insertText().indexOf('[') < 0) {
            return e;
        }
        return new CompletionEntry(e.label(), e.kind(), e.detail(), e.documentation(), '"' + e.insertText() + '"',
                e.snippet(), e.replace(), e.sortText(), e.deprecated(), e.resolve());
    }

    /**
     * A rule definition with no {@code source:} written yet (the plugin rulesets write it last): a
     * plugin's fields may still be meant. Not an override or append entry, whose source is the
     * earlier rule's.
     */
    private static boolean sourceOpen(RulesItem item, YamlLines lines) {
        if (item instanceof RuleItem r) {
            return r.definesWithoutSource();
        }
        return lines != null && "rule".equals(lines.itemKind()) && lines.itemValue("source") == null;
    }

    /** The rule's source (see {@link WorkspaceView#sourceOf}), read from the text when the item does not parse. */
    private static String sourceOf(WorkspaceView symbols, RulesItem item, YamlLines lines) {
        if (item instanceof RuleItem) {
            return symbols.sourceOf(item);
        }
        String written = lines.itemValue("source");
        written = written == null ? "" : CompOperators.unquoted(written).strip(); // quoted: the same name
        return written.isEmpty() ? SourceScope.SYSCALL : written;
    }

    private static final Pattern SEQUENCE_ITEM = Pattern.compile("^( *)- +([^\\s\\[\\],]*)$");

    /**
     * An item of an exception's {@code fields} or {@code comps} written as a block sequence
     * ({@code - proc.name} on its own line): the fields of the rule's source, or the operators of
     * the field at the same place. {@code null} anywhere else (QA round 19: nothing was offered).
     */
    private List<CompletionEntry> exceptionSequenceCompletion(RulesDocument doc, WorkspaceView symbols, RulesItem item,
            YamlLines lines, int offset, Locale locale) {
        Matcher m = SEQUENCE_ITEM.matcher(lines.prefix());
        if (!m.matches() || m.group(1).isEmpty()) {
            return null; // a new item of the file ("- ma") is never an exception's
        }
        YamlLines.SequenceItem seq = lines.sequenceItem(m.group(1).length());
        if (seq == null || !"exceptions".equals(seq.parent())
                || !("fields".equals(seq.key()) || "comps".equals(seq.key()))) {
            return null;
        }
        String word = m.group(2);
        TextRange r = range(doc, offset - word.length(), offset);
        if ("fields".equals(seq.key())) {
            return fieldsOnly(sourceOf(symbols, item, lines), sourceOpen(item, lines), word, r, locale);
        }
        // paired with the field at the same place when the fields are a flow list ([a, b])
        String fields = lines.siblingValue("fields", seq.keyColumn(), seq.keyLine());
        if (fields != null && !fields.startsWith("[")) {
            fields = null; // one field, or fields as a block sequence: nothing pairs with a list of comps here
        }
        return YamlCompletion.operators(word, r, locale,
                CompOperators.atIndex(catalog, sourceOf(symbols, item, lines), fields, seq.index()), false);
    }

    private List<CompletionEntry> valueCompletion(RulesDocument doc, WorkspaceView symbols, RulesItem item, YamlLines lines,
            Matcher m, int offset, FalconerSettings settings) {
        Locale locale = settings.locale();
        String key = m.group(3);
        String typed = m.group(4);
        int column = m.group(1).length() + (m.group(2) == null ? 0 : m.group(2).length());
        String parent = column <= 2 ? lines.itemKind() : lines.parentKey(column);
        if ("exceptions".equals(parent) && ("fields".equals(key) || "comps".equals(key))) {
            Matcher w = FLOW_WORD.matcher(typed);
            String word = w.find() ? w.group(1) : "";
            TextRange r = range(doc, offset - word.length(), offset);
            if ("fields".equals(key)) {
                List<CompletionEntry> fields = fieldsOnly(sourceOf(symbols, item, lines), sourceOpen(item, lines), word, r,
                        locale);
                // in a flow sequence '[' and ']' are YAML's own: a field with brackets must be quoted there
                return typed.indexOf('[') < 0 ? fields : fields.stream().map(CompletionProvider::quotedIfBracketed).toList();
            }
            // "startswith |": a comp may be a string operator and a modifier (Falco 0.44)
            String comp = typed.substring(Math.max(typed.lastIndexOf('['), typed.lastIndexOf(',')) + 1).stripLeading();
            int blank = comp.indexOf(' ');
            if (blank > 0) {
                return Operator.fromText(comp.substring(0, blank)).filter(o -> o.kind() == Operator.Kind.STRING)
                        .map(o -> YamlCompletion.modifiers(word, r, locale)).orElse(List.of());
            }
            String fields = lines.siblingValue("fields", column);
            return YamlCompletion.operators(word, r, locale,
                    CompOperators.at(catalog, sourceOf(symbols, item, lines), fields, typed),
                    CompOperators.singleField(fields, typed));
        }
        if ("override".equals(parent)) {
            return YamlCompletion.values(YamlCompletion.appendable(lines.itemKind(), key) ? List.of("append", "replace")
                    : List.of("replace"), typed,
                    range(doc, offset - typed.length(), offset), null, locale);
        }
        if (column > 2) {
            return List.of();
        }
        TextRange r = range(doc, offset - typed.length(), offset);
        if ("condition".equals(key) && ("rule".equals(lines.itemKind()) || "macro".equals(lines.itemKind()))) {
            // A condition the YAML could not give us (empty, or the item does not parse): read the line.
            int start = ConditionCompletion.wordStart(typed, typed.length());
            NamedItem named = item instanceof NamedItem n ? n : null;
            List<String> macros = named == null ? symbols.names(ItemKind.MACRO) : symbols.macrosVisibleFrom(doc.uri(), named);
            String source = "rule".equals(lines.itemKind()) ? sourceOf(symbols, item, lines) : null;
            return ConditionCompletion.complete(new ConditionCompletion.Context(catalog, source,
                    macrosFor(symbols, source, macros), symbols.names(ItemKind.LIST), locale, newTerms,
                    source != null && sourceOpen(item, lines)), typed,
                    range(doc, offset - (typed.length() - start), offset));
        }
        if ("output".equals(key) && "rule".equals(lines.itemKind())) {
            int start = ConditionCompletion.wordStart(typed, typed.length());
            return start > 0 && typed.charAt(start - 1) == '%'
                    ? fieldsOnly(sourceOf(symbols, item, lines), sourceOpen(item, lines), typed.substring(start),
                    range(doc, offset - (typed.length() - start), offset), locale) : List.of();
        }
        if ("priority".equals(key)) {
            return YamlCompletion.values(ItemKeys.PRIORITIES, typed, r, "priority", locale);
        }
        if ("source".equals(key)) {
            // the sources the user's Falco has, when the settings say (QA round 18); else all the catalog knows
            List<String> sources = settings.sources().isEmpty() ? catalogSourcesInOrder() : settings.sources();
            return YamlCompletion.values(sources, typed, r, "source", locale);
        }
        if (ItemKeys.BOOLEAN_KEYS.contains(key)) {
            return YamlCompletion.values(List.of("true", "false"), typed, r, null, locale);
        }
        return List.of();
    }

    /** The item at the cursor, or the last one that starts before it (the cursor is typing at its end). */
    private static RulesItem itemBefore(RulesDocument doc, int offset) {
        RulesItem hit = doc.itemAt(offset);
        if (hit != null) {
            return hit;
        }
        RulesItem last = null;
        for (RulesItem i : doc.items()) {
            if (i.span().start() <= offset) {
                last = i;
            }
        }
        return last;
    }

    private static TextRange range(RulesDocument doc, int start, int end) {
        return doc.lineIndex().range(new TextSpan(Math.max(0, start), end));
    }
}
