package dev.falconer.check;

import dev.falconer.rules.FalcoScalars;
import dev.falconer.rules.ListItem;
import dev.falconer.rules.MacroItem;
import dev.falconer.rules.MappedItem;
import dev.falconer.rules.NamedItem;
import dev.falconer.rules.RuleItem;
import dev.falconer.rules.RulesDocument;
import dev.falconer.rules.RulesItem;
import dev.falconer.rules.UnknownItem;
import dev.falconer.rules.YamlEntry;
import dev.falconer.rules.YamlMapping;
import dev.falconer.rules.YamlScalar;
import dev.falconer.rules.YamlSequence;
import dev.falconer.rules.YamlValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Keys of each entry (spec §2.2–§2.8), and the values {@link ItemValueValidator} reads: unknown keys (with the closest known one), required keys
 * missing, and values of the wrong YAML type, with the messages of Falco's {@code decode_val_generic}.
 */
final class KeyValidator implements Validator {
    private static final long UINT32_MAX = 0xFFFFFFFFL;

    @Override
    public void validate(CheckContext ctx) {
        for (RulesDocument doc : ctx.wantedDocuments()) {
            for (RulesItem item : doc.items()) {
                if (item instanceof MappedItem m && !(item instanceof UnknownItem)) {
                    ctx.itemUnit(CheckUnits.Kind.ITEM_KEYS, doc, item, u -> {
                        unknownKeys(u, doc.uri(), m);
                        duplicateKeys(u, doc.uri(), m);
                        types(u, doc.uri(), m);
                        if (m instanceof NamedItem n) {
                            missing(u, doc.uri(), n);
                            // in the same unit: the entry is compared once (their codes differ, so the order does not matter)
                            ItemValueValidator.item(u, doc.uri(), n);
                        }
                    });
                }
            }
        }
    }

    private static void unknownKeys(CheckContext ctx, String uri, MappedItem item) {
        List<String> allowed = ItemKeys.allowed(item);
        for (YamlEntry e : item.mapping().entries()) {
            String key = e.keyText();
            if (key == null || allowed.contains(key)) {
                continue;
            }
            List<String> close = Names.closest(key, allowed);
            if (!close.isEmpty() && item.mapping().has(close.get(0))) {
                // no fix to a key the entry has: the copy Falco ignores would become the one it may read (QA round 19)
                ctx.sink().add(DiagnosticCode.UNKNOWN_KEY, uri, e.keySpan(), "key.unknownNearPresent", key, close.get(0));
            } else if (close.isEmpty()) {
                ctx.sink().add(DiagnosticCode.UNKNOWN_KEY, uri, e.keySpan(), "key.unknown", key, Names.join(allowed));
            } else {
                ctx.sink().suggest(DiagnosticCode.UNKNOWN_KEY, uri, e.keySpan(), close.subList(0, 1),
                        "key.unknownDidYouMean", key, close.get(0));
            }
        }
    }

    /**
     * A key written twice in one item. We read the first occurrence; how yaml-cpp (Falco's parser)
     * resolves duplicates was not studied (spec §10), so the message says Falco may read either.
     */
    private static void duplicateKeys(CheckContext ctx, String uri, MappedItem item) {
        duplicateKeys(ctx, uri, item.mapping(), "key.duplicate");
        // yaml-cpp keeps both of an override's keys and Falco applies both operations (QA round 18)
        if (item instanceof NamedItem n && n.override() != null && n.override().entry().value() instanceof YamlMapping m) {
            duplicateKeys(ctx, uri, m, "key.duplicateOverride");
        }
    }

    private static void duplicateKeys(CheckContext ctx, String uri, YamlMapping mapping, String message) {
        Set<String> seen = new HashSet<>();
        for (YamlEntry e : mapping.entries()) {
            String key = e.keyText();
            if (key != null && !seen.add(key)) {
                ctx.sink().add(DiagnosticCode.DUPLICATE_KEY, uri, e.keySpan(), message, key);
            }
        }
    }

    private static void missing(CheckContext ctx, String uri, NamedItem item) {
        List<String> needed = new ArrayList<>();
        if (item instanceof ListItem) {
            needed.add("items");
        } else if (item instanceof MacroItem) {
            needed.add("condition");
        } else if (item instanceof RuleItem r && r.override() == null && !r.isLegacyAppend()) {
            boolean any = ItemKeys.RULE_REQUIRED.stream().anyMatch(k -> r.mapping().has(k));
            if (any) {
                needed.addAll(ItemKeys.RULE_REQUIRED);
            } else {
                needed.add("enabled");
            }
        }
        for (String key : needed) {
            if (!item.mapping().has(key)) {
                // a rule of only a name is what a new rule looks like while it is typed: say what it needs
                String message = "enabled".equals(key) ? "key.missing.enabledOnly" : "key.missing";
                ctx.sink().add(DiagnosticCode.MISSING_KEY, uri, item.nameSpan(), message, key, item.kind().key());
            }
        }
    }

    private static void types(CheckContext ctx, String uri, MappedItem item) {
        boolean extending = item instanceof NamedItem n && (n.override() != null || n.isLegacyAppend());
        // Falco reads a legacy rule append for its condition and exceptions only (spec §2.10)
        boolean legacyRuleAppend = item instanceof RuleItem r && r.isLegacyAppend() && r.override() == null;
        for (YamlEntry e : item.mapping().entries()) {
            String key = e.keyText();
            if (key == null || !ItemKeys.allowed(item).contains(key)) {
                continue;
            }
            if (legacyRuleAppend && !ItemKeys.READ_BY_LEGACY_RULE_APPEND.contains(key)) {
                ctx.sink().add(DiagnosticCode.IGNORED_KEY, uri, e.keySpan(), "key.ignoredByAppend", key);
                continue;
            }
            YamlValue v = e.value();
            YamlScalar s = v.asScalar();
            if (ItemKeys.TEXTS.contains(key) || ("source".equals(key) && !extending)) {
                text(ctx, uri, e, key);
            } else if ("source".equals(key)) {
                if (s == null) {
                    ctx.sink().add(DiagnosticCode.KEY_TYPE, uri, v.span(), "key.notScalar", key);
                }
            } else if (ItemKeys.BOOLEANS.contains(key)) {
                if (s == null || s.isNull()) {
                    ctx.sink().add(DiagnosticCode.KEY_TYPE, uri, s == null ? v.span() : e.keySpan(),
                            s == null ? "key.notScalar" : "key.empty", key);
                } else if (FalcoScalars.bool(s.value()).isEmpty()) {
                    ctx.sink().add(DiagnosticCode.KEY_TYPE, uri, s.span(), "key.notBoolean", key, s.value());
                }
            } else if ("capture_duration".equals(key)) {
                if (s == null || s.isNull() || !isUint32(s.value())) {
                    ctx.sink().add(DiagnosticCode.KEY_TYPE, uri, v.span(), "key.notUint32", key,
                            s == null ? "" : s.value());
                }
            } else if (ItemKeys.SCALAR_SEQUENCES.contains(key)) {
                sequence(ctx, uri, e, key);
            }
        }
    }

    private static void text(CheckContext ctx, String uri, YamlEntry e, String key) {
        YamlScalar s = e.value().asScalar();
        if (s == null) {
            ctx.sink().add(DiagnosticCode.KEY_TYPE, uri, e.value().span(), "key.notScalar", key);
        } else if (s.isNull()) {
            ctx.sink().add(DiagnosticCode.KEY_TYPE, uri, e.keySpan(), "key.empty", key);
        } else if (s.value().isEmpty()) {
            ctx.sink().add(DiagnosticCode.KEY_TYPE, uri, s.span(), "key.emptyString", key);
        }
    }

    private static void sequence(CheckContext ctx, String uri, YamlEntry e, String key) {
        YamlValue v = e.value();
        if (v instanceof YamlScalar s && s.isNull()) {
            // a null node is defined: Falco asks it for a sequence, for tags as for items (QA round 18)
            ctx.sink().add(DiagnosticCode.KEY_TYPE, uri, e.keySpan(), "key.empty", key);
            return;
        }
        if (!(v instanceof YamlSequence seq)) {
            ctx.sink().add(DiagnosticCode.KEY_TYPE, uri, v.span(), "key.notSequence", key);
            return;
        }
        for (YamlValue item : seq.items()) {
            if (!(item instanceof YamlScalar s)) {
                ctx.sink().add(DiagnosticCode.KEY_TYPE, uri, item.span(), "key.itemNotScalar", key);
            } else if (s.isNull()) {
                // yaml-cpp reads ~, null and an empty element as a null node, which is no scalar to Falco
                ctx.sink().add(DiagnosticCode.KEY_TYPE, uri, s.span(),
                        s.value().isEmpty() ? "key.itemEmpty" : "key.itemNull", key, s.value());
            }
        }
    }

    private static boolean isUint32(String text) {
        String t = text.trim();
        if (t.isEmpty() || t.length() > 10 || !t.chars().allMatch(Character::isDigit)) {
            return false;
        }
        return Long.parseLong(t) <= UINT32_MAX;
    }
}
