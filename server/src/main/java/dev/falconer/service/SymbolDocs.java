package dev.falconer.service;

import dev.falconer.rules.DocComment;
import dev.falconer.rules.ItemKind;
import dev.falconer.rules.ListItem;
import dev.falconer.rules.MacroItem;
import dev.falconer.rules.RuleItem;
import dev.falconer.rules.YamlEntry;
import dev.falconer.rules.YamlScalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Markdown for macros, lists and rules: what they contain, where they are defined and appended. */
final class SymbolDocs {
    private final Texts t;

    SymbolDocs(Locale locale) {
        this.t = Texts.of(Docs.BUNDLE, locale);
    }

    /** Documentation of {@code name}; empty when nothing of that kind has that name. */
    Optional<String> describe(Symbols symbols, ItemKind kind, String name) {
        List<Symbols.Definition> defs = symbols.definitions(kind, name);
        if (defs.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder md = new StringBuilder("**").append(Docs.code(name)).append("** · ")
                .append(t.get("kind." + kind.key())).append("\n\n");
        DocComment comment = defs.get(0).item().frame().comment();
        if (comment != null && !comment.text().isBlank()) {
            md.append(comment.text().strip()).append("\n\n");
        }
        switch (kind) {
            case MACRO -> macro(md, symbols, name, defs);
            case LIST -> list(md, defs);
            case RULE -> rule(md, defs);
        }
        locations(md, defs);
        return Optional.of(md.toString().strip());
    }

    /** "No macro named x": for a reference to something undefined. */
    String unknown(ItemKind kind, String name) {
        return t.get("symbol.unknown", t.get("kind." + kind.key()), name);
    }

    private void macro(StringBuilder md, Symbols symbols, String name, List<Symbols.Definition> defs) {
        List<String> parts = new ArrayList<>();
        for (Symbols.Definition d : defs) {
            if (d.item() instanceof MacroItem m && m.condition() != null && m.condition().text() != null) {
                if (d.role() != Symbols.Role.APPEND) {
                    parts.clear();
                }
                parts.add(m.condition().text().strip());
            }
        }
        if (!parts.isEmpty()) {
            md.append(t.get("macro.condition")).append('\n');
            fence(md, String.join(" ", parts));
        }
        symbols.expandedCondition(name).ifPresent(expanded -> {
            if (!parts.isEmpty() && !expanded.equals(String.join(" ", parts))) {
                md.append(t.get("macro.expanded")).append('\n');
                fence(md, expanded);
            }
        });
    }

    private void list(StringBuilder md, List<Symbols.Definition> defs) {
        List<String> items = new ArrayList<>();
        for (Symbols.Definition d : defs) {
            if (d.item() instanceof ListItem l) {
                if (d.role() != Symbols.Role.APPEND) {
                    items.clear();
                }
                for (YamlScalar s : l.itemScalars()) {
                    items.add(s.value());
                }
            }
        }
        if (items.isEmpty()) {
            md.append(t.get("list.noItems")).append("\n\n");
            return;
        }
        md.append(t.get("list.items", items.size())).append('\n');
        fence(md, String.join(", ", items));
    }

    private void rule(StringBuilder md, List<Symbols.Definition> defs) {
        RuleItem first = null;
        for (Symbols.Definition d : defs) {
            if (d.item() instanceof RuleItem r && d.role() == Symbols.Role.DEFINE) {
                first = r;
            }
        }
        if (first == null) {
            return;
        }
        if (first.desc() != null && first.desc().text() != null) {
            md.append(first.desc().text().strip()).append("\n\n");
        }
        List<String> facts = new ArrayList<>();
        text(first.priority()).ifPresent(p -> facts.add(t.get("rule.priority", p)));
        facts.add(t.get("rule.source", text(first.source()).orElse("syscall")));
        if (text(first.enabled()).map(e -> e.equalsIgnoreCase("false")).orElse(false)) {
            facts.add(t.get("rule.disabled"));
        }
        Docs.bullets(md, facts);
        md.append('\n');
    }

    private void locations(StringBuilder md, List<Symbols.Definition> defs) {
        List<String> lines = new ArrayList<>();
        for (Symbols.Definition d : defs) {
            String key = switch (d.role()) {
                case DEFINE -> "symbol.definedAt";
                case APPEND -> "symbol.appendedAt";
                case REPLACE -> "symbol.replacedAt";
            };
            lines.add(t.get(key, link(d)));
        }
        Docs.bullets(md, lines);
    }

    static String link(Symbols.Definition d) {
        String uri = d.uri();
        String file = uri.substring(uri.lastIndexOf('/') + 1);
        int line = d.nameRange().start().line() + 1;
        return "[" + file + ":" + line + "](" + uri + "#L" + line + ")";
    }

    private static Optional<String> text(YamlEntry e) {
        return e == null || e.text() == null ? Optional.empty() : Optional.of(e.text().strip());
    }

    private static void fence(StringBuilder md, String code) {
        md.append("```falco\n").append(code).append("\n```\n\n");
    }
}
