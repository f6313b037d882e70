package dev.falconer.service;

import dev.falconer.catalog.CatalogTexts;
import dev.falconer.condition.Modifier;
import dev.falconer.condition.Operator;
import dev.falconer.rules.FalcoScalars;
import dev.falconer.text.TextRange;
import dev.falconer.workspace.RulesMerger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Completion of the YAML around conditions: item snippets, keys, and values of keys. */
final class YamlCompletion {
    private static final String PRIORITY_CHOICE = "${5|" + String.join(",", ItemKeys.PRIORITIES) + "|}";

    /** Top-level items, in the order they are usually written. */
    private static final Map<String, String> SNIPPETS = Map.of(
            "rule", "- rule: ${1}\n  desc: ${2}\n  condition: ${3}\n  output: ${4}\n  priority: " + PRIORITY_CHOICE
                    + "\n",
            "macro", "- macro: ${1}\n  condition: ${2}\n",
            "list", "- list: ${1}\n  items: [${2}]\n",
            "exceptions", "- rule: ${1}\n  exceptions:\n    - name: ${2}\n      fields: [${3}]\n      comps: [${4}]\n"
                    + "      values:\n        - [${5}]\n  override:\n    exceptions: append\n",
            "required_engine_version", "- required_engine_version: ${1:0.50.0}\n",
            "required_plugin_versions", "- required_plugin_versions:\n    - name: ${1}\n      version: ${2}\n");
    private static final List<String> SNIPPET_ORDER = List.of("rule", "macro", "list", "exceptions",
            "required_engine_version", "required_plugin_versions");

    private YamlCompletion() {
    }

    static List<CompletionEntry> topLevel(TextRange range, String typed, Locale locale) {
        Texts t = Texts.of(Docs.BUNDLE, locale);
        String word = typed.replaceFirst("^-?[ ]*", "");
        List<CompletionEntry> out = new ArrayList<>();
        int rank = 0;
        for (String name : SNIPPET_ORDER) {
            rank++;
            if (name.startsWith(word)) {
                out.add(new CompletionEntry(name, CompletionEntry.Kind.SNIPPET, t.get("completion.snippet." + name),
                        null, SNIPPETS.get(name), true, range, rank + "_" + name, false, null));
            }
        }
        return out;
    }

    /** Keys valid here and not yet written; {@code column} is where the key starts. */
    /** Whether {@code override} may append to {@code key} of an item of {@code kind} (else only replace). */
    static boolean appendable(String kind, String key) {
        return !"rule".equals(kind) || RulesMerger.RULE_APPENDABLE.contains(key);
    }

    static List<CompletionEntry> keys(YamlLines lines, int column, String typed, TextRange range, Locale locale) {
        String itemKind = lines.itemKind();
        if (itemKind == null) {
            return List.of();
        }
        String parent = column <= 2 ? null : lines.parentKey(column);
        String docKind;
        List<String> candidates;
        if (parent == null) {
            docKind = itemKind;
            boolean legacyAppend = FalcoScalars.bool(lines.itemValue("append")).orElse(false);
            // append: true reads only what it appends; every other key is ignored or an error
            candidates = legacyAppend ? ItemKeys.LEGACY_APPEND.getOrDefault(itemKind, List.of())
                    : ItemKeys.BY_KIND.getOrDefault(itemKind, List.of());
        } else if ("exceptions".equals(parent)) {
            docKind = "exception";
            candidates = ItemKeys.BY_KIND.get("exception");
        } else if ("required_plugin_versions".equals(parent) || "alternatives".equals(parent)) {
            docKind = "plugin";
            candidates = ItemKeys.BY_KIND.get("plugin");
        } else if ("override".equals(parent)) {
            docKind = itemKind;
            candidates = ItemKeys.OVERRIDABLE.getOrDefault(itemKind, List.of());
        } else {
            return List.of();
        }
        Set<String> present = lines.siblingKeys(column);
        // "outp|: o": the colon (and the value) are written already, only the key is completed
        boolean colonFollows = COLON_AHEAD.matcher(lines.suffix()).lookingAt();
        Texts t = Texts.of(Docs.BUNDLE, locale);
        String indent = " ".repeat(column);
        List<CompletionEntry> out = new ArrayList<>();
        int rank = 0;
        for (String key : candidates) {
            rank++;
            if (present.contains(key) || !key.startsWith(typed)) {
                continue;
            }
            String docKey = "key." + docKind + "." + key;
            String insert = colonFollows ? key
                    : "override".equals(parent) ? key + (appendable(itemKind, key) ? ": ${1|append,replace|}" : ": replace")
                    : insertKey(key, indent);
            out.add(new CompletionEntry(key, CompletionEntry.Kind.KEY, null, t.has(docKey) ? t.get(docKey) : null,
                    insert, insert.contains("$"), range, String.format("%02d_%s", rank, key), "append".equals(key),
                    null));
        }
        return out;
    }

    private static String insertKey(String key, String indent) {
        return switch (key) {
            case "exceptions" -> "exceptions:\n" + indent + "  - name: ${1}\n" + indent + "    fields: [${2}]\n"
                    + indent + "    comps: [${3}]\n" + indent + "    values:\n" + indent + "      - [${4}]";
            case "override" -> "override:\n" + indent + "  ${1}: ${2|append,replace|}";
            case "items", "tags", "fields", "comps" -> key + ": [${1}]";
            case "priority" -> key + ": " + PRIORITY_CHOICE.replace("${5", "${1");
            case "enabled", "warn_evttypes", "skip-if-unknown-filter", "capture", "append" ->
                    key + ": ${1|true,false|}";
            default -> key + ": ";
        };
    }

    /** Fixed values of a key; {@code docKind} ({@code priority}, {@code source}) adds their meaning. */
    static List<CompletionEntry> values(List<String> values, String typed, TextRange range, String docKind,
            Locale locale) {
        Texts t = Texts.of(Docs.BUNDLE, locale);
        List<CompletionEntry> out = new ArrayList<>();
        int rank = 0;
        for (String v : values) {
            rank++;
            if (!v.toLowerCase(Locale.ROOT).startsWith(typed.toLowerCase(Locale.ROOT))) {
                continue;
            }
            String doc = null;
            if ("priority".equals(docKind)) {
                doc = t.get("priority." + v.toLowerCase(Locale.ROOT));
            } else if ("source".equals(docKind)) {
                doc = CatalogTexts.source(v, locale).orElse(null);
            }
            out.add(new CompletionEntry(v, CompletionEntry.Kind.VALUE, null, doc, v, false, range,
                    String.format("%02d_%s", rank, v), false, null));
        }
        return out;
    }

    /** The rest of a key being typed, then its colon. */
    private static final java.util.regex.Pattern COLON_AHEAD = java.util.regex.Pattern.compile("[A-Za-z0-9_-]*[ ]*:");

    /** The modifiers as a snippet's choice ({@code oneof,anyof,allof}). */
    private static final String MODIFIER_CHOICE = String.join(",",
            java.util.Arrays.stream(Modifier.values()).map(Modifier::text).toList());

    /** The modifiers that may follow a string operator ({@code startswith oneof}). */
    static List<CompletionEntry> modifiers(String typed, TextRange range, Locale locale) {
        Texts t = Texts.of(Docs.BUNDLE, locale);
        List<CompletionEntry> out = new ArrayList<>();
        for (Modifier m : Modifier.values()) {
            if (m.text().startsWith(typed)) {
                out.add(new CompletionEntry(m.text(), CompletionEntry.Kind.MODIFIER, t.get("kind.modifier"), null, m.text(),
                        false, range, "5_" + m.text(), false, new CompletionEntry.ResolveKey("modifier", m.text(), null)));
            }
        }
        return out;
    }

    /**
     * The order comps are offered in: the common comparisons first, the orderings last (a string
     * field takes none of them).
     */
    private static final List<Operator> COMP_ORDER = List.of(Operator.EQ, Operator.IN, Operator.NE,
            Operator.STARTSWITH, Operator.ENDSWITH, Operator.CONTAINS, Operator.PMATCH, Operator.GLOB,
            Operator.ICONTAINS, Operator.IGLOB, Operator.INTERSECTS, Operator.REGEX, Operator.BCONTAINS,
            Operator.BSTARTSWITH, Operator.EQEQ, Operator.LT, Operator.LE, Operator.GT, Operator.GE);

    /**
     * Operators for an exception's {@code comps}: those in {@code allowed} that start with what is
     * typed; {@code modifierNeeded} (one field, one comp): a string operator comes with the
     * choice of its modifier, which Falco requires there, and the list operators come first. An
     * operator that starts with a YAML indicator ({@code >=}, {@code !=}) is quoted: written plain
     * it begins a folded scalar or a tag (QA round 18: {@code comps: [>=]} broke the file).
     */
    static List<CompletionEntry> operators(String typed, TextRange range, Locale locale, Set<Operator> allowed,
                                           boolean modifierNeeded) {
        Texts t = Texts.of(Docs.BUNDLE, locale);
        List<CompletionEntry> out = new ArrayList<>();
        for (int i = 0; i < COMP_ORDER.size(); i++) {
            Operator op = COMP_ORDER.get(i);
            if (allowed.contains(op) && op.text().startsWith(typed)) {
                boolean withModifier = modifierNeeded && op.kind() == Operator.Kind.STRING;
                String text = op.text().startsWith(">") || op.text().startsWith("!") ? "\"" + op.text() + "\"" : op.text();
                String insert = withModifier ? text + " ${1|" + MODIFIER_CHOICE + "|}" : text;
                int rank = modifierNeeded && op.kind() != Operator.Kind.LIST ? 50 + i : i;
                out.add(new CompletionEntry(op.text(), CompletionEntry.Kind.OPERATOR, t.get("kind.operator"),
                        CatalogTexts.operator(op, locale), insert, withModifier, range, String.format("%02d_%s", rank,
                        op.text()), false, new CompletionEntry.ResolveKey("operator", op.text(), null)));
            }
        }
        return out;
    }
}
