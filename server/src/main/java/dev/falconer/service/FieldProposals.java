package dev.falconer.service;

import dev.falconer.catalog.ArgumentSpec;
import dev.falconer.catalog.FieldCatalog;
import dev.falconer.catalog.FieldFlag;
import dev.falconer.catalog.FieldInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Field proposals for a half-typed word, built once per catalog, source, word and language: a
 * new term in a condition proposes every field of the source (hundreds, each with a localized
 * description), and the editor asks again on almost every keystroke. Entries carry no range;
 * {@link ConditionCompletion.Proposals#add(CompletionEntry)} places them at the request's word.
 */
final class FieldProposals {
    private static final int MAX_CACHED = 256;
    private static final Map<Key, List<CompletionEntry>> CACHE = new ConcurrentHashMap<>();

    /** The catalog is compared by identity (it is immutable; a reloaded catalog is a new object). */
    private record Key(FieldCatalog catalog, String source, String word, Locale locale) {
    }

    private FieldProposals() {
    }

    /** @param source the rule's event source, {@code null} in a macro (fields of every source) */
    static List<CompletionEntry> of(FieldCatalog catalog, String source, String word, Locale locale) {
        Key key = new Key(catalog, source, word, locale);
        List<CompletionEntry> known = CACHE.get(key);
        if (known != null) {
            return known;
        }
        if (CACHE.size() >= MAX_CACHED) {
            CACHE.clear();
        }
        List<CompletionEntry> built = build(catalog, source, word, locale);
        CACHE.put(key, built);
        return built;
    }

    private static List<CompletionEntry> build(FieldCatalog catalog, String source, String word, Locale locale) {
        List<FieldInfo> fields = source == null ? allFields(catalog, word) : catalog.complete(source, word);
        List<CompletionEntry> out = new ArrayList<>(fields.size());
        for (FieldInfo f : fields) {
            if (f.has(FieldFlag.PRINT_ONLY) || !f.name().startsWith(word)) {
                continue;
            }
            String type = f.list() ? f.type().name() + "[]" : f.type().name();
            String rank = ConditionCompletion.fieldRank(f);
            out.add(new CompletionEntry(f.name(), CompletionEntry.Kind.FIELD, type, f.description(locale),
                    ConditionCompletion.insertText(f), f.argument().presence() == ArgumentSpec.Presence.REQUIRED, null,
                    rank + "_" + f.name(), f.has(FieldFlag.DEPRECATED),
                    new CompletionEntry.ResolveKey("field", f.name(), source)));
        }
        // in the order answers list them: a new term sorts these with a hundred or so other
        // proposals, and a long run already in order is what the list sort merges cheapest
        out.sort(java.util.Comparator.comparing(CompletionEntry::sortText));
        return List.copyOf(out);
    }

    /** In a macro (no source): fields of every source, once each. */
    private static List<FieldInfo> allFields(FieldCatalog catalog, String word) {
        List<FieldInfo> out = new ArrayList<>();
        for (FieldInfo f : catalog.allFields()) {
            if (f.name().startsWith(word)) {
                out.add(f);
            }
        }
        return out;
    }
}
