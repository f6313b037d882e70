package dev.falconer.service;

import dev.falconer.rules.ItemKind;
import dev.falconer.rules.MacroItem;
import dev.falconer.rules.NamedItem;
import dev.falconer.rules.OverrideSpec;
import dev.falconer.rules.RulesDocument;
import dev.falconer.rules.RulesItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * {@link Symbols} read straight from an ordered list of parsed documents. Interim: it answers
 * from definitions only, without the workspace's merge (no expansion); the workspace model
 * replaces it.
 */
public final class DocumentSymbols implements Symbols {
    private final List<RulesDocument> documents;

    public DocumentSymbols(List<RulesDocument> documentsInLoadOrder) {
        this.documents = List.copyOf(documentsInLoadOrder);
    }

    public static DocumentSymbols of(RulesDocument... documents) {
        return new DocumentSymbols(List.of(documents));
    }

    @Override
    public List<Definition> definitions(ItemKind kind, String name) {
        List<Definition> out = new ArrayList<>();
        for (RulesDocument doc : documents) {
            for (RulesItem item : doc.items()) {
                if (item instanceof NamedItem n && n.kind() == kind && name.equals(n.name())) {
                    out.add(new Definition(doc.uri(), n, doc.lineIndex().range(n.nameSpan()), role(n)));
                }
            }
        }
        return out;
    }

    @Override
    public List<String> names(ItemKind kind) {
        TreeSet<String> out = new TreeSet<>();
        for (RulesDocument doc : documents) {
            for (RulesItem item : doc.items()) {
                if (item instanceof NamedItem n && n.kind() == kind && n.name() != null) {
                    out.add(n.name());
                }
            }
        }
        return List.copyOf(out);
    }

    @Override
    public List<String> macrosVisibleFrom(String uri, NamedItem from) {
        if (!(from instanceof MacroItem)) {
            return names(ItemKind.MACRO);
        }
        TreeSet<String> out = new TreeSet<>();
        for (RulesDocument doc : documents) {
            for (RulesItem item : doc.items()) {
                if (doc.uri().equals(uri) && item.index() >= from.index()) {
                    return List.copyOf(out);
                }
                if (item instanceof MacroItem m && m.name() != null) {
                    out.add(m.name());
                }
            }
        }
        return List.copyOf(out);
    }

    @Override
    public Optional<String> expandedCondition(String macroName) {
        return Optional.empty();
    }

    private static Role role(NamedItem n) {
        if (n.isLegacyAppend()) {
            return Role.APPEND;
        }
        OverrideSpec o = n.override();
        if (o != null && !o.ops().isEmpty()) {
            boolean append = o.ops().stream().anyMatch(op -> op.operation() == OverrideSpec.Operation.APPEND);
            return append ? Role.APPEND : Role.REPLACE;
        }
        return Role.DEFINE;
    }
}
