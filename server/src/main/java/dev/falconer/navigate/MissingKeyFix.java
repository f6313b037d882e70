package dev.falconer.navigate;

import dev.falconer.rules.ListItem;
import dev.falconer.rules.MacroItem;
import dev.falconer.rules.NamedItem;
import dev.falconer.rules.RuleItem;
import dev.falconer.rules.RulesDocument;
import dev.falconer.rules.ScalarStyle;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.TextEdit;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Adds a required key an entry lacks (spec §2.6–2.8): {@code items} of a list, {@code condition}
 * of a macro, {@code condition}, {@code output}, {@code desc}, {@code priority} of a full rule
 * definition, in the order Falco checks them. Values are placeholders to edit: an empty list, an
 * empty condition, the rule's name as description and output, priority WARNING.
 */
final class MissingKeyFix {
    static final String DEFAULT_PRIORITY = "WARNING";

    private MissingKeyFix() {
    }

    static List<String> missing(NamedItem item) {
        List<String> out = new ArrayList<>();
        if (item instanceof ListItem l && l.items() == null) {
            out.add("items");
        } else if (item instanceof MacroItem m && m.condition() == null) {
            out.add("condition");
        } else if (item instanceof RuleItem r && !r.isLegacyAppend() && r.override() == null) {
            boolean enableOnly = r.enabled() != null && r.condition() == null && r.output() == null && r.desc() == null
                    && r.priority() == null;
            if (!enableOnly) {
                addIfAbsent(out, "condition", r.condition() == null);
                addIfAbsent(out, "output", r.output() == null);
                addIfAbsent(out, "desc", r.desc() == null);
                addIfAbsent(out, "priority", r.priority() == null);
            }
        }
        return out;
    }

    /**
     * The fix of {@code answered} when it names one of the missing keys (each missing key has a
     * diagnostic of its own, at the item's name); else one action per missing key not in
     * {@code offered}, the first preferred when they answer a diagnostic. Keys offered are added
     * to {@code offered}, with where their item starts.
     */
    static List<CodeAction> actions(RulesDocument doc, NamedItem item, Diagnostic answered, NavTexts texts,
                                    Set<String> offered) {
        List<String> keys = missing(item);
        String named = answered == null ? null : namedKey(answered, keys);
        List<CodeAction> out = new ArrayList<>();
        boolean first = answered != null;
        for (String key : named != null ? List.of(named) : keys) {
            if (!offered.add(item.span().start() + " " + key)) {
                continue;
            }
            TextEdit edit = MappingEdits.append(doc, item.mapping(), key, placeholder(key, item));
            out.add(Fixes.quickFix(texts.get("action.addKey", key), doc.uri(), List.of(edit), answered, first));
            first = false;
        }
        return out;
    }

    /**
     * The missing key {@code d} is about: its message quotes it, in every language ("no 'output'
     * key"). QA: a rule without condition, output and priority had the three actions on each of
     * its three diagnostics, "add condition" preferred for all.
     */
    private static String namedKey(Diagnostic d, List<String> keys) {
        String message = d.getMessage() == null ? "" : d.getMessage();
        for (String key : keys) {
            if (message.contains("'" + key + "'")) {
                return key;
            }
        }
        return null;
    }

    private static String placeholder(String key, NamedItem item) {
        String name = item.name() == null ? "" : item.name();
        return switch (key) {
            case "items" -> "[]";
            case "priority" -> DEFAULT_PRIORITY;
            case "desc", "output" -> YamlText.scalar(name.isEmpty() ? key : name, ScalarStyle.PLAIN);
            default -> "\"\"";
        };
    }

    private static void addIfAbsent(List<String> out, String key, boolean absent) {
        if (absent) {
            out.add(key);
        }
    }
}
