package dev.falconer.navigate;

import dev.falconer.condition.ParsedCondition;
import dev.falconer.rules.ExceptionSpec;
import dev.falconer.rules.ItemKind;
import dev.falconer.rules.ListItem;
import dev.falconer.rules.NameRules;
import dev.falconer.rules.RuleItem;
import dev.falconer.rules.RulesDocument;
import dev.falconer.rules.RulesItem;
import dev.falconer.rules.ScalarStyle;
import dev.falconer.rules.YamlScalar;
import dev.falconer.rules.YamlSequence;
import dev.falconer.rules.YamlValue;
import dev.falconer.text.TextPosition;
import dev.falconer.text.TextSpan;
import dev.falconer.workspace.ConditionNames;
import dev.falconer.workspace.Definition;
import dev.falconer.workspace.ListSubstitution;
import dev.falconer.workspace.SymbolKey;
import dev.falconer.workspace.SymbolReference;
import dev.falconer.workspace.WorkspaceSnapshot;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Rename of a list, macro or rule across the workspace: every defining, appending and overriding
 * entry and every use. Refuses what cannot be renamed (fields, keywords, undefined names) and new
 * names that are invalid for the kind, already taken, or already written somewhere the new name
 * would be picked up (Falco substitutes list names as text, so a list renamed to {@code bash}
 * would swallow every {@code bash} value).
 */
public final class Rename {
    private Rename() {
    }

    /** What {@code prepareRename} answers: the range and current name, or why not. */
    public sealed interface Preparation permits Allowed, Refused {
    }

    public record Allowed(SymbolKey key, Range range, String placeholder) implements Preparation {
    }

    /** A refusal; {@code message} is localized and shown to the user. */
    public record Refused(String message) implements Preparation, Result {
    }

    /** What {@code rename} answers. */
    public sealed interface Result permits Edit, Refused {
    }

    public record Edit(WorkspaceEdit edit) implements Result {
    }

    public static Preparation prepare(WorkspaceSnapshot snapshot, String uri, TextPosition position,
                                      Function<String, ParsedCondition> parser, NavTexts texts) {
        RulesDocument doc = snapshot.document(uri);
        if (doc == null) {
            return new Refused(texts.get("rename.refused.nothing"));
        }
        int offset = doc.lineIndex().offset(position);
        var target = SymbolTarget.at(snapshot, uri, offset);
        if (target.isPresent()) {
            SymbolKey key = target.get().key();
            return new Allowed(key, Ranges.range(doc.lineIndex(), target.get().span()), key.name());
        }
        ConditionCursor cursor = ConditionCursor.at(doc, offset, parser);
        if (cursor != null) {
            switch (cursor.word()) {
                case FIELD -> {
                    return new Refused(texts.get("rename.refused.field", cursor.text()));
                }
                case KEYWORD -> {
                    return new Refused(texts.get("rename.refused.keyword", cursor.text()));
                }
                case MACRO -> {
                    return new Refused(texts.get("rename.refused.undefined", cursor.text()));
                }
                default -> {
                }
            }
        }
        return new Refused(texts.get("rename.refused.nothing"));
    }

    public static Result rename(WorkspaceSnapshot snapshot, String uri, TextPosition position, String newName,
                                Function<String, ParsedCondition> parser, NavTexts texts) {
        Preparation p = prepare(snapshot, uri, position, parser, texts);
        if (p instanceof Refused r) {
            return r;
        }
        SymbolKey key = ((Allowed) p).key();
        if (key.name().equals(newName)) {
            return new Edit(new WorkspaceEdit(Map.of()));
        }
        String kind = texts.get("kind." + key.kind().key());
        // a macro named like a keyword parses as the keyword
        if (!NameRules.valid(key.kind(), newName)
                || key.kind() == ItemKind.MACRO && NameRules.isConditionWord(newName)) {
            return new Refused(texts.get("rename.invalid." + key.kind().key(), newName == null ? "" : newName));
        }
        if (!snapshot.symbols().definitions(new SymbolKey(key.kind(), newName)).isEmpty()) {
            return new Refused(texts.get("rename.taken", kind, newName));
        }
        // lists are pasted before macros are looked up: a macro named like a list is never reached
        if (key.kind() == ItemKind.MACRO && !snapshot.symbols().definitions(new SymbolKey(ItemKind.LIST, newName)).isEmpty()) {
            return new Refused(texts.get("rename.shadowedByList", newName));
        }
        if (key.kind() != ItemKind.RULE && writtenSomewhere(snapshot, key.kind(), newName, parser)) {
            return new Refused(texts.get("rename.captured", newName));
        }
        Map<String, Set<TextSpan>> places = places(snapshot, key);
        if (!writableEverywhere(snapshot, places, newName)) {
            return new Refused(texts.get("rename.unquotable", newName));
        }
        return new Edit(edit(snapshot, places, newName));
    }

    /** The edit renaming {@code key} everywhere; the new name is assumed valid and free. */
    public static WorkspaceEdit edit(WorkspaceSnapshot snapshot, SymbolKey key, String newName) {
        return edit(snapshot, places(snapshot, key), newName);
    }

    /** Where {@code key}'s name is written: its definitions and references, by file. */
    private static Map<String, Set<TextSpan>> places(WorkspaceSnapshot snapshot, SymbolKey key) {
        Map<String, Set<TextSpan>> places = new LinkedHashMap<>();
        for (Definition d : snapshot.symbols().definitions(key)) {
            places.computeIfAbsent(d.uri(), u -> new LinkedHashSet<>()).add(d.nameSpan());
        }
        for (SymbolReference r : snapshot.symbols().references(key)) {
            places.computeIfAbsent(r.location().uri(), u -> new LinkedHashSet<>()).add(r.location().span());
        }
        return places;
    }

    /**
     * False when the new name would go inside a plain scalar where YAML reads it otherwise (QA: a
     * list renamed to {@code #x} cut {@code proc.name = #x and ...} at the comment; {@code x:} made
     * it a mapping). A whole scalar is quoted as needed instead.
     */
    private static boolean writableEverywhere(WorkspaceSnapshot snapshot, Map<String, Set<TextSpan>> places, String newName) {
        for (Map.Entry<String, Set<TextSpan>> e : places.entrySet()) {
            RulesDocument doc = snapshot.document(e.getKey());
            for (TextSpan span : doc == null ? Set.<TextSpan>of() : e.getValue()) {
                YamlScalar scalar = scalarAt(doc, span);
                if (scalar != null && scalar.style() == ScalarStyle.PLAIN && !scalar.span().equals(span)
                        && !YamlText.plainSafeInside(newName, scalar.span().start() == span.start())) {
                    return false;
                }
            }
        }
        return true;
    }

    private static WorkspaceEdit edit(WorkspaceSnapshot snapshot, Map<String, Set<TextSpan>> places, String newName) {
        Map<String, List<TextEdit>> changes = new LinkedHashMap<>();
        places.forEach((u, spans) -> {
            RulesDocument doc = snapshot.document(u);
            if (doc == null) {
                return;
            }
            List<TextEdit> edits = new ArrayList<>();
            spans.stream().sorted(Comparator.comparingInt(TextSpan::start)).forEach(span ->
                    edits.add(new TextEdit(Ranges.range(doc.lineIndex(), span), replacement(doc, span, newName))));
            changes.put(u, edits);
        });
        return new WorkspaceEdit(changes);
    }

    /** A whole scalar gets a scalar in its style; a name inside a scalar gets escaped for that scalar. */
    private static String replacement(RulesDocument doc, TextSpan span, String newName) {
        YamlScalar scalar = scalarAt(doc, span);
        if (scalar == null) {
            return newName;
        }
        if (scalar.span().equals(span)) {
            return YamlText.scalar(newName, scalar.style());
        }
        return YamlText.inside(newName, scalar.style());
    }

    private static YamlScalar scalarAt(RulesDocument doc, TextSpan span) {
        RulesItem item = doc.itemAt(span.start());
        return item == null ? null : YamlPath.at(item, span.start()).scalar();
    }

    /** True when a list or macro name candidate equal to {@code name} is already written somewhere. */
    private static boolean writtenSomewhere(WorkspaceSnapshot snapshot, ItemKind kind, String name,
                                            Function<String, ParsedCondition> parser) {
        for (RulesDocument doc : snapshot.documents()) {
            for (ConditionSite site : ConditionSite.of(doc)) {
                // Falco pastes a list wherever its name stands between delimiters, a field's name included
                if (kind == ItemKind.LIST ? ListSubstitution.occursIn(site.scalar().value(), name)
                        : ConditionNames.of(site.parse(parser)).stream().anyMatch(n -> n.name().equals(name) && n.kind() == kind)) {
                    return true;
                }
            }
            if (kind == ItemKind.LIST && inListsOrExceptions(doc, name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean inListsOrExceptions(RulesDocument doc, String name) {
        for (RulesItem item : doc.items()) {
            if (item instanceof ListItem l) {
                for (YamlScalar s : l.itemScalars()) {
                    if (name.equals(s.value())) {
                        return true;
                    }
                }
            } else if (item instanceof RuleItem r) {
                for (ExceptionSpec spec : r.exceptionSpecs()) {
                    // both become condition text: "not (<fields> <comps> <values>)"
                    if (spec.values() != null && contains(spec.values().value(), name)
                            || spec.fields() != null && contains(spec.fields().value(), name)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean contains(YamlValue v, String name) {
        if (v instanceof YamlScalar s) {
            return name.equals(s.value());
        }
        if (v instanceof YamlSequence seq) {
            for (YamlValue i : seq.items()) {
                if (contains(i, name)) {
                    return true;
                }
            }
        }
        return false;
    }
}
