package dev.falconer.service;

import dev.falconer.catalog.FieldCatalog;
import dev.falconer.catalog.FieldTransformer;
import dev.falconer.catalog.Resolution;
import dev.falconer.catalog.SourceScope;
import dev.falconer.condition.FieldRef;
import dev.falconer.condition.MacroRef;
import dev.falconer.condition.Operator;
import dev.falconer.condition.ParsedCondition;
import dev.falconer.condition.Span;
import dev.falconer.condition.Transformer;
import dev.falconer.condition.Value;
import dev.falconer.explain.ValueGlosses;
import dev.falconer.output.OutputTokens;
import dev.falconer.rules.ItemKind;
import dev.falconer.rules.ListItem;
import dev.falconer.rules.MacroItem;
import dev.falconer.rules.NamedItem;
import dev.falconer.rules.RuleItem;
import dev.falconer.rules.RulesDocument;
import dev.falconer.rules.SourceMap;
import dev.falconer.rules.YamlScalar;
import dev.falconer.text.TextSpan;
import java.util.List;
import java.util.Optional;

/** Hover: which token is under the cursor, and its documentation. */
final class HoverProvider {
    private static final String EVT_TYPE = "evt.type";

    private final FieldCatalog catalog;
    /** Which output placeholders are fields ({@code %proc.nameand} is {@code proc.name} and text). */
    private final java.util.function.Predicate<String> outputFields;

    HoverProvider(FieldCatalog catalog) {
        this.catalog = catalog;
        this.outputFields = OutputTokens.knownTo(catalog);
    }

    Optional<HoverResult> hover(RulesDocument doc, WorkspaceView symbols, int offset, FalconerSettings settings) {
        YamlCursor c = YamlCursor.locate(doc, offset);
        Docs docs = new Docs(settings.locale());
        return switch (c.place()) {
            case KEY -> keyHover(c, docs, symbols);
            case VALUE -> valueHover(c, docs, new SymbolDocs(settings.locale()), symbols);
            case TOP_LEVEL, ITEM_BODY -> Optional.empty();
        };
    }

    private Optional<HoverResult> keyHover(YamlCursor c, Docs docs, WorkspaceView symbols) {
        String kind = c.path().size() == 1 ? YamlCursor.kindKey(c.item()) : nestedKind(c.itemKey());
        if (kind == null) {
            return Optional.empty();
        }
        Optional<String> keyDoc = docs.key(kind, c.key());
        if (c.path().size() == 1 && "condition".equals(c.key()) && c.item() instanceof NamedItem n
                && n.name() != null && n.kind() != ItemKind.LIST) {
            // The condition key reads the whole condition in plain words; what the key means comes last.
            Optional<String> explained = symbols.explanation(n.kind(), n.name(), docs.locale());
            if (explained.isPresent()) {
                String md = explained.get().strip() + keyDoc.map(k -> "\n\n---\n\n" + k).orElse("");
                return Optional.of(result(c, md, c.entry().keySpan()));
            }
        }
        return keyDoc.map(md -> result(c, md, c.entry().keySpan()));
    }

    private static String nestedKind(String itemKey) {
        if ("exceptions".equals(itemKey)) {
            return "exception";
        }
        return "required_plugin_versions".equals(itemKey) ? "plugin" : null;
    }

    private Optional<HoverResult> valueHover(YamlCursor c, Docs docs, SymbolDocs symbolDocs, WorkspaceView symbols) {
        YamlScalar s = c.scalar();
        if (s == null || s.isNull()) {
            return Optional.empty();
        }
        TextSpan whole = s.sourceMap().documentSpan(0, s.value().length());
        if (c.onItemName() && c.item() instanceof NamedItem n) {
            return symbolDocs.describe(symbols, n.kind(), s.value()).map(md -> result(c, md, whole));
        }
        String key = c.key();
        boolean top = c.path().size() == 1;
        if (top && "condition".equals(key) && (c.item() instanceof RuleItem || c.item() instanceof MacroItem)) {
            return conditionHover(c, s, docs, symbolDocs, symbols);
        }
        if (c.item() instanceof RuleItem) {
            if (top && "output".equals(key)) {
                return outputHover(c, s, docs, symbols.sourceOf(c.item()));
            }
            if (top && "priority".equals(key)) {
                return docs.priority(s.value()).map(md -> result(c, md, whole));
            }
            if (top && "source".equals(key)) {
                return Optional.of(result(c, docs.source(s.value().strip()), whole));
            }
            if ("exceptions".equals(c.itemKey()) && "fields".equals(key)) {
                return fieldDoc(docs, symbols.sourceOf(c.item()), s.value().strip(), null)
                        .map(md -> result(c, md, whole));
            }
            if ("exceptions".equals(c.itemKey()) && "comps".equals(key)) {
                String op = s.value().strip();
                int blank = op.indexOf(' ');
                return Operator.fromText(blank < 0 ? op : op.substring(0, blank))
                        .map(o -> result(c, docs.operator(o), whole));
            }
            if ("exceptions".equals(c.itemKey()) && "values".equals(key)) {
                // a value naming a list is pasted as its items (the documented way to use lists there)
                return symbolDocs.describe(symbols, ItemKind.LIST, s.value().strip()).or(() -> gloss(s.value(), docs))
                        .map(md -> result(c, md, whole));
            }
        }
        if ("override".equals(c.itemKey()) && c.path().size() == 2 && YamlCursor.kindKey(c.item()) != null) {
            return docs.overrideValue(YamlCursor.kindKey(c.item()), key, s.value().strip())
                    .map(md -> result(c, md, whole));
        }
        if (c.item() instanceof ListItem && top && "items".equals(key)) {
            return symbolDocs.describe(symbols, ItemKind.LIST, s.value()).or(() -> gloss(s.value(), docs))
                    .map(md -> result(c, md, whole));
        }
        return Optional.empty();
    }

    /** Our gloss of a value that carries meaning (a binary, a path, a name), from explain's value glosses. */
    private static Optional<String> gloss(String value, Docs docs) {
        String v = value.strip();
        return ValueGlosses.builtIn().gloss(v, docs.locale()).map(g -> docs.valueGloss(v, g));
    }

    private Optional<HoverResult> conditionHover(YamlCursor c, YamlScalar s, Docs docs, SymbolDocs symbolDocs,
            WorkspaceView symbols) {
        SourceMap map = s.sourceMap();
        int index = map.valueIndex(c.offset());
        if (index < 0) {
            return Optional.empty();
        }
        ParsedCondition parsed = symbols.snapshot().parse(((NamedItem) c.item()).readableCondition(s.value()));
        ConditionToken tok = ConditionToken.at(parsed.root(), index);
        if (tok == null) {
            return keywordHover(c, s.value(), index, docs);
        }
        Optional<String> md = switch (tok.kind()) {
            case FIELD -> {
                FieldRef f = (FieldRef) tok.node();
                String arg = f.argument() == null ? null : f.argument().value();
                yield c.item() instanceof NamedItem m && m.kind() == ItemKind.MACRO && m.name() != null
                        ? macroFieldDoc(docs, symbols, m.name(), f.name(), arg)
                        : fieldDoc(docs, symbols.sourceOf(c.item()), f.name(), arg);
            }
            case OPERATOR -> Optional.of(docs.operator(tok.operator()));
            case EXISTS -> Optional.of(docs.operator(Operator.EXISTS));
            case MODIFIER -> Optional.ofNullable(tok.check().modifier()).map(docs::modifier);
            case TRANSFORMER -> FieldTransformer.fromText(((Transformer) tok.node()).name()).map(docs::transformer);
            case MACRO -> {
                String name = ((MacroRef) tok.node()).name();
                yield Optional.of(symbolDocs.describe(symbols, ItemKind.MACRO, name)
                        .orElseGet(() -> symbolDocs.unknown(ItemKind.MACRO, name)));
            }
            case VALUE -> valueDoc((Value) tok.node(), tok, docs, symbolDocs, symbols);
        };
        return md.map(text -> result(c, text, map.documentSpan(tok.span())));
    }

    /** {@code and}, {@code or}, {@code not}: not tokens of the tree, so read from the text around the cursor. */
    private static Optional<HoverResult> keywordHover(YamlCursor c, String condition, int index, Docs docs) {
        int start = ConditionCompletion.wordStart(condition, Math.min(index, condition.length()));
        int end = index;
        while (end < condition.length() && ConditionCompletion.isWordChar(condition.charAt(end))) {
            end++;
        }
        TextSpan span = c.scalar().sourceMap().documentSpan(start, end);
        return docs.keyword(condition.substring(start, end)).map(md -> result(c, md, span));
    }

    private Optional<String> valueDoc(Value v, ConditionToken tok, Docs docs, SymbolDocs symbolDocs, WorkspaceView symbols) {
        if (v.kind() != Value.Kind.QUOTED) {
            Optional<String> list = symbolDocs.describe(symbols, ItemKind.LIST, v.text());
            if (list.isPresent()) {
                return list;
            }
        }
        FieldRef f = ConditionToken.fieldOf(tok.check());
        if (f != null && EVT_TYPE.equals(f.name()) && f.argument() == null && catalog.events().isEventType(v.text())) {
            return Optional.of(docs.eventType(v.text()));
        }
        return gloss(v.text(), docs);
    }

    private Optional<HoverResult> outputHover(YamlCursor c, YamlScalar s, Docs docs, String source) {
        SourceMap map = s.sourceMap();
        int index = map.valueIndex(c.offset());
        if (index >= 0 && index + 1 < s.value().length() && s.value().charAt(index) == '%') {
            index++; // the '%' belongs to the placeholder it opens (QA round 25: no hover on it)
        }
        List<OutputTokens.Token> tokens = OutputTokens.tokenize(s.value(), outputFields);
        Span transformer = outputTransformerAt(tokens, index);
        if (transformer != null) {
            return FieldTransformer.fromText(transformer.textOf(s.value())).map(docs::transformer)
                    .map(md -> result(c, md, map.documentSpan(transformer)));
        }
        Span field = outputFieldAt(tokens, index);
        if (field == null) {
            return Optional.empty();
        }
        String written = field.textOf(s.value());
        int open = written.indexOf('[');
        String name = open < 0 ? written : written.substring(0, open);
        String arg = open < 0 || !written.endsWith("]") ? null : written.substring(open + 1, written.length() - 1);
        return fieldDoc(docs, source, name, arg).map(md -> result(c, md, map.documentSpan(field)));
    }

    /** The transformer name ({@code tolower} of {@code %tolower(user.name)}) containing {@code index}, or {@code null}. */
    private static Span outputTransformerAt(List<OutputTokens.Token> tokens, int index) {
        for (OutputTokens.Token t : tokens) {
            for (OutputTokens.Word w : t.words()) {
                if (w.kind() == OutputTokens.WordKind.TRANSFORMER && new Span(w.start(), w.end()).touches(index)) {
                    return new Span(w.start(), w.end());
                }
            }
        }
        return null;
    }

    /** The field placeholder (name and {@code [arg]}) containing or ending at {@code index}, or {@code null}. */
    private static Span outputFieldAt(List<OutputTokens.Token> tokens, int index) {
        for (OutputTokens.Token t : tokens) {
            List<OutputTokens.Word> words = t.words();
            for (int i = 0; i < words.size(); i++) {
                OutputTokens.Word w = words.get(i);
                if (w.kind() != OutputTokens.WordKind.FIELD) {
                    continue;
                }
                boolean hasArgument = i + 1 < words.size() && words.get(i + 1).kind() == OutputTokens.WordKind.ARGUMENT;
                Span span = new Span(w.start(), hasArgument ? words.get(i + 1).end() + 1 : w.end());
                if (span.touches(index)) {
                    return span;
                }
            }
        }
        return null;
    }

    /** {@code source}: the item's (see {@link WorkspaceView#sourceOf}), {@code null} in a macro. */
    private Optional<String> fieldDoc(Docs docs, String source, String name, String arg) {
        FieldLookup found = FieldLookup.of(catalog, source, name, arg);
        if (!found.found()) {
            // An unknown name: say so, with the names it was probably meant to be.
            if (catalog.resolve(source == null ? SourceScope.SYSCALL : source, name, arg)
                    instanceof Resolution.Unknown u) {
                return Optional.of(docs.unknownField(name, u.suggestions()));
            }
            return Optional.empty();
        }
        return Optional.of(docs.field(found, catalog.sources()));
    }

    /** A field in a macro: noted where it does not apply to the rules using the macro. */
    private Optional<String> macroFieldDoc(Docs docs, WorkspaceView symbols, String macro, String name, String arg) {
        // the users' closure only when some rule's source does not take the field: most hovers skip it
        boolean everySourceTakesIt = true;
        java.util.Set<String> asked = new java.util.HashSet<>();
        for (var rule : symbols.snapshot().merged().rules().values()) {
            String source = rule.source();
            if (source != null && asked.add(source) && catalog.isKnownSource(source)
                    && catalog.resolve(source, name, arg) instanceof Resolution.WrongSource) {
                everySourceTakesIt = false;
                break;
            }
        }
        List<String> users = everySourceTakesIt ? List.of()
                : symbols.snapshot().sourcesOfRulesUsing(macro, catalog::isKnownSource);
        FieldLookup found = FieldLookup.inMacro(catalog, users, name, arg);
        return found.found() ? Optional.of(docs.field(found, catalog.sources())) : fieldDoc(docs, null, name, arg);
    }

    private static HoverResult result(YamlCursor c, String markdown, TextSpan span) {
        return new HoverResult(markdown, c.document().lineIndex().range(span));
    }
}
