package dev.falconer.check;

import dev.falconer.catalog.SourceScope;
import dev.falconer.rules.FalcoScalars;
import dev.falconer.rules.ListItem;
import dev.falconer.rules.MacroItem;
import dev.falconer.rules.NameRules;
import dev.falconer.rules.NamedItem;
import dev.falconer.rules.RuleItem;
import dev.falconer.rules.YamlScalar;
import dev.falconer.workspace.ListSubstitution;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Values Falco reads with its own rules: priorities (case-insensitive, {@code info} alias),
 * event sources the catalog knows, macro and list names (spec §5), and the deprecated forms
 * {@code append: true} and the standalone {@code enabled} entry (Falco 0.37+ warnings).
 */
final class ItemValueValidator {
    static final List<String> PRIORITIES = List.of("EMERGENCY", "ALERT", "CRITICAL", "ERROR", "WARNING", "NOTICE",
            "INFORMATIONAL", "INFO", "DEBUG");
    private static final Set<String> PRIORITY_SET = Set.copyOf(PRIORITIES);

    /** The checks of one named entry (run by {@link KeyValidator} within the entry's cached unit). */
    static void item(CheckContext ctx, String uri, NamedItem item) {
        names(ctx, uri, item);
        if (item.isLegacyAppend()) {
            ctx.sink().add(DiagnosticCode.DEPRECATED_APPEND, uri, item.append().span(), "deprecated.append",
                    item.kind().key());
        }
        if (item instanceof ListItem l) {
            splitItems(ctx, uri, l);
        }
        if (item instanceof RuleItem r) {
            if (!r.isLegacyAppend() || r.override() != null) {
                priority(ctx, uri, r); // a legacy append's priority is never read
            }
            source(ctx, uri, r);
            standaloneEnabled(ctx, uri, r);
        }
    }

    /**
     * An item with a comma and no blank: Falco pastes list items into the condition as written,
     * quoting only those with a blank, so {@code a,b} becomes two values {@code a} and {@code b}
     * (spec §1.1; QA round 18). Quoted with its own quotes ({@code '"a,b"'}) it stays one.
     */
    private static void splitItems(CheckContext ctx, String uri, ListItem list) {
        for (YamlScalar s : list.itemScalars()) {
            split(ctx, uri, s, "list.itemSplit");
        }
    }

    /**
     * One value that Falco pastes into a parenthesised value list as written: a list item, or an
     * exception value of the scalar form or of an inline list ({@code messageKey} says which).
     */
    static void split(CheckContext ctx, String uri, YamlScalar s, String messageKey) {
        String v = s.value();
        if (s.isNull() || v.indexOf(',') < 0 || ListSubstitution.quotedContent(v) != null) {
            return; // no comma, or quoted: one value
        }
        List<String> parts = java.util.Arrays.stream(v.split(",", -1)).map(String::strip).toList();
        if (!parts.contains("")) { // 'a,' leaves an empty value: the condition fails to parse, and says so where used
            ctx.sink().add(DiagnosticCode.LIST_ITEM_SPLIT, uri, s.span(), messageKey, v, String.join(", ", parts));
        }
    }

    private static void names(CheckContext ctx, String uri, NamedItem item) {
        String name = item.name();
        if (name == null) {
            return;
        }
        if (item instanceof MacroItem && !NameRules.isMacroName(name)) {
            ctx.sink().add(DiagnosticCode.INVALID_NAME, null, FalcoCode.LOAD_INVALID_MACRO_NAME, uri, item.nameSpan(),
                    "name.macro", List.of(name), List.of());
        } else if (item instanceof ListItem && !NameRules.isListName(name)) {
            ctx.sink().add(DiagnosticCode.INVALID_NAME, null, FalcoCode.LOAD_INVALID_LIST_NAME, uri, item.nameSpan(),
                    "name.list", List.of(name), List.of());
        }
    }

    private static void priority(CheckContext ctx, String uri, RuleItem r) {
        YamlScalar s = r.priority() == null ? null : r.priority().scalar();
        if (s == null || s.isNull() || s.value().isEmpty()) {
            return;
        }
        String upper = s.value().toUpperCase(Locale.ROOT);
        if (PRIORITY_SET.contains(upper)) {
            return;
        }
        List<String> close = PRIORITIES.stream().filter(p -> p.startsWith(upper) && upper.length() >= 3).toList();
        if (close.isEmpty()) {
            close = Names.closest(upper, PRIORITIES);
        }
        if (close.isEmpty()) {
            ctx.sink().add(DiagnosticCode.INVALID_PRIORITY, uri, s.span(), "priority.invalid", s.value(),
                    Names.join(PRIORITIES));
        } else {
            ctx.sink().suggest(DiagnosticCode.INVALID_PRIORITY, uri, s.span(), close.subList(0, 1),
                    "priority.invalidDidYouMean", s.value(), close.get(0));
        }
    }

    private static void source(CheckContext ctx, String uri, RuleItem r) {
        String source = r.sourceText();
        if (source == null && r.source() == null && r.override() == null && !r.isLegacyAppend()
                && r.condition() != null && !ctx.settings().isConfiguredSource(SourceScope.SYSCALL)) {
            // no source: Falco's default, which the configuration leaves out like any other
            ctx.sink().add(DiagnosticCode.UNKNOWN_SOURCE, uri, r.nameSpan(), "source.defaultNotConfigured",
                    SourceScope.SYSCALL, Names.join(ctx.settings().sources()));
            return;
        }
        if (source != null && !source.isEmpty() && ctx.catalog().isKnownSource(source)
                && !ctx.settings().isConfiguredSource(source)) {
            // Falco's LOAD_UNKNOWN_SOURCE: no loaded plugin provides this source, the rule is skipped
            ctx.sink().add(DiagnosticCode.UNKNOWN_SOURCE, uri, r.source().scalar().span(), "source.notConfigured",
                    source, Names.join(ctx.settings().sources()));
            return;
        }
        if (source == null || source.isEmpty() || ctx.catalog().isKnownSource(source)) {
            return;
        }
        List<String> close = Names.closest(source, ctx.catalog().sources());
        YamlScalar s = r.source().scalar();
        if (close.isEmpty()) {
            ctx.sink().add(DiagnosticCode.UNKNOWN_SOURCE, uri, s.span(), "source.unknown", source,
                    Names.join(ctx.catalog().sources()));
        } else {
            ctx.sink().suggest(DiagnosticCode.UNKNOWN_SOURCE, uri, s.span(), close.subList(0, 1),
                    "source.unknownDidYouMean", source, close.get(0));
        }
    }

    private static void standaloneEnabled(CheckContext ctx, String uri, RuleItem r) {
        if (r.override() != null || r.isLegacyAppend() || r.enabled() == null || r.name() == null) {
            return; // a rule without a name has that error: no "use override on the rule 'null'"
        }
        if (ItemKeys.RULE_REQUIRED.stream().noneMatch(k -> r.mapping().has(k))
                && FalcoScalars.bool(r.enabled().text()).isPresent()) {
            ctx.sink().add(DiagnosticCode.DEPRECATED_ENABLED, uri, r.enabled().span(), "deprecated.enabled", r.name());
        }
    }
}
