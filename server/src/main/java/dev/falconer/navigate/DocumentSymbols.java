package dev.falconer.navigate;

import dev.falconer.rules.BrokenItem;
import dev.falconer.rules.EngineVersionItem;
import dev.falconer.rules.ExceptionSpec;
import dev.falconer.rules.FalcoScalars;
import dev.falconer.rules.ItemKind;
import dev.falconer.rules.ListItem;
import dev.falconer.rules.NamedItem;
import dev.falconer.rules.OverrideSpec;
import dev.falconer.rules.PluginVersionsItem;
import dev.falconer.rules.RuleItem;
import dev.falconer.rules.RulesDocument;
import dev.falconer.rules.RulesItem;
import dev.falconer.rules.YamlEntry;
import dev.falconer.text.LineIndex;
import dev.falconer.text.TextSpan;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.SymbolKind;

import java.util.ArrayList;
import java.util.List;

/**
 * The outline of one rules file: rules (with their exceptions as children), macros, lists,
 * engine and plugin requirements, in file order. Details say what an entry does at a glance:
 * priority and source of a rule, the item count of a list, whether the entry appends, overrides
 * or only toggles.
 */
public final class DocumentSymbols {
    private static final String DEFAULT_SOURCE = "syscall";

    private DocumentSymbols() {
    }

    public static List<DocumentSymbol> symbols(RulesDocument doc, NavTexts texts) {
        LineIndex index = doc.lineIndex();
        List<DocumentSymbol> out = new ArrayList<>();
        for (RulesItem item : doc.items()) {
            DocumentSymbol s = symbol(item, index, texts);
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    /** The LSP kind shown for an item kind. */
    public static SymbolKind kindOf(ItemKind kind) {
        return switch (kind) {
            case RULE -> SymbolKind.Event;
            case MACRO -> SymbolKind.Function;
            case LIST -> SymbolKind.Array;
        };
    }

    private static DocumentSymbol symbol(RulesItem item, LineIndex index, NavTexts texts) {
        if (item instanceof NamedItem named) {
            String name = named.name() == null || named.name().isBlank() ? texts.get("symbol.unnamed") : named.name();
            DocumentSymbol s = new DocumentSymbol(name, kindOf(named.kind()), Ranges.range(index, item.span()),
                    Ranges.range(index, named.nameSpan()), detail(named, texts));
            if (named instanceof RuleItem r && !r.exceptionSpecs().isEmpty()) {
                s.setChildren(exceptions(r, index, texts));
            }
            return s;
        }
        if (item instanceof EngineVersionItem e) {
            return entry(e.version(), item.span(), SymbolKind.Constant, index);
        }
        if (item instanceof PluginVersionsItem p) {
            DocumentSymbol s = entry(p.entry(), item.span(), SymbolKind.Package, index);
            List<DocumentSymbol> children = new ArrayList<>();
            for (PluginVersionsItem.PluginRequirement req : p.requirements()) {
                if (req.name() != null && req.name().text() != null && !req.name().text().isBlank()) {
                    children.add(new DocumentSymbol(req.name().text(), SymbolKind.Module,
                            Ranges.range(index, req.node().span()), Ranges.range(index, req.name().valueSpan()),
                            req.version() == null ? null : req.version().text()));
                }
            }
            s.setChildren(children);
            return s;
        }
        if (item instanceof BrokenItem b && b.guessedKind() != null && b.guessedName() != null
                && !b.guessedName().isBlank()) {
            TextSpan first = new TextSpan(item.span().start(), Math.min(item.span().end(),
                    index.lineEnd(index.lineOf(item.span().start()))));
            return new DocumentSymbol(b.guessedName(), kindOf(b.guessedKind()), Ranges.range(index, item.span()),
                    Ranges.range(index, first), texts.get("symbol.broken"));
        }
        return null;
    }

    private static DocumentSymbol entry(YamlEntry e, TextSpan itemSpan, SymbolKind kind, LineIndex index) {
        return new DocumentSymbol(e.keyText(), kind, Ranges.range(index, itemSpan), Ranges.range(index, e.keySpan()),
                e.text());
    }

    private static List<DocumentSymbol> exceptions(RuleItem r, LineIndex index, NavTexts texts) {
        List<DocumentSymbol> out = new ArrayList<>();
        for (ExceptionSpec spec : r.exceptionSpecs()) {
            String name = spec.nameText() == null || spec.nameText().isBlank() ? texts.get("symbol.unnamed")
                    : spec.nameText();
            TextSpan sel = spec.name() != null ? spec.name().valueSpan() : spec.node().span();
            int values = spec.values() != null && spec.values().value().asSequence() != null
                    ? spec.values().value().asSequence().items().size() : 0;
            out.add(new DocumentSymbol(name, SymbolKind.Object, Ranges.range(index, spec.node().span()),
                    Ranges.range(index, sel), texts.get("symbol.exception.detail", values)));
        }
        return out;
    }

    private static String detail(NamedItem item, NavTexts texts) {
        String role = role(item, texts);
        String own = null;
        if (item instanceof RuleItem r) {
            own = ruleDetail(r, texts);
        } else if (item instanceof ListItem l && l.items() != null) {
            own = texts.get("symbol.list.detail", l.itemScalars().size());
        }
        if (role == null) {
            return own;
        }
        return own == null ? role : role + " \u00b7 " + own;
    }

    private static String role(NamedItem item, NavTexts texts) {
        if (item.isLegacyAppend()) {
            return texts.get("symbol.detail.append");
        }
        OverrideSpec o = item.override();
        if (o != null) {
            return texts.get("symbol.detail.override");
        }
        if (item instanceof RuleItem r && r.enabled() != null && r.condition() == null && r.output() == null
                && r.desc() == null && r.priority() == null) {
            return texts.get("symbol.detail.enable");
        }
        return null;
    }

    private static String ruleDetail(RuleItem r, NavTexts texts) {
        String priority = r.priority() == null ? null : r.priority().text();
        String source = r.sourceText();
        boolean disabled = r.enabled() != null && FalcoScalars.bool(r.enabled().text()).map(b -> !b).orElse(false);
        String main;
        if (priority == null && source == null) {
            main = null;
        } else if (priority == null) {
            main = source;
        } else {
            main = texts.get("symbol.rule.detail", priority, source == null ? DEFAULT_SOURCE : source);
        }
        if (disabled) {
            String off = texts.get("symbol.detail.disabled");
            return main == null ? off : main + " \u00b7 " + off;
        }
        return main;
    }
}
