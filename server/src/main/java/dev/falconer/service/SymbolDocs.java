package dev.falconer.service;

import dev.falconer.rules.DocComment;
import dev.falconer.rules.ItemKind;
import dev.falconer.rules.RuleItem;
import dev.falconer.rules.YamlEntry;
import dev.falconer.workspace.Definition;
import dev.falconer.workspace.EffectiveList;
import dev.falconer.workspace.EffectiveMacro;
import dev.falconer.workspace.EffectiveRule;
import dev.falconer.workspace.RulesWorkspace;
import dev.falconer.workspace.SourcedValue;
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
    Optional<String> describe(WorkspaceView ws, ItemKind kind, String name) {
        List<Definition> defs = ws.definitions(kind, name);
        if (defs.isEmpty()) {
            return Optional.empty();
        }
        if (kind == ItemKind.RULE) {
            Optional<String> explained = ws.explanation(kind, name, t.locale());
            if (explained.isPresent()) {
                return Optional.of(explainedRule(explained.get(), ws, defs));
            }
        }
        StringBuilder md = new StringBuilder("**").append(Docs.code(name)).append("** · ")
                .append(t.get("kind." + kind.key())).append("\n\n");
        DocComment comment = defs.get(0).item().frame().comment();
        if (comment != null && !comment.text().isBlank()) {
            md.append(comment.text().strip()).append("\n\n");
        }
        if (kind == ItemKind.MACRO) {
            ws.summary(kind, name, t.locale()).ifPresent(s -> md.append(t.get("macro.summary", s)).append("\n\n"));
        }
        switch (kind) {
            case MACRO -> macro(md, ws, name);
            case LIST -> list(md, ws, name);
            case RULE -> rule(md, defs);
        }
        locations(md, ws, defs);
        return Optional.of(md.toString().strip());
    }

    /** "No macro named x": for a reference to something undefined. */
    String unknown(ItemKind kind, String name) {
        return t.get("symbol.unknown", t.get("kind." + kind.key()), name);
    }

    private void macro(StringBuilder md, WorkspaceView ws, String name) {
        EffectiveMacro m = ws.snapshot().merged().macros().get(name);
        String condition = m == null ? "" : m.condition().text().strip();
        if (!condition.isEmpty()) {
            md.append(t.get("macro.condition")).append('\n');
            fence(md, condition);
        }
        ws.expandedCondition(name).ifPresent(expanded -> {
            if (expanded.tooLarge()) {
                md.append(t.get("macro.expandedTooLarge", MacroExpansion.MAX_NODES)).append("\n\n");
            } else if (!condition.isEmpty() && !expanded.text().equals(condition)) {
                md.append(t.get("macro.expanded")).append('\n');
                fence(md, expanded.text());
            }
        });
    }

    private void list(StringBuilder md, WorkspaceView ws, String name) {
        EffectiveList l = ws.snapshot().merged().lists().get(name);
        List<SourcedValue> all = l == null ? List.of() : l.items();
        if (all.isEmpty()) {
            md.append(t.get("list.noItems")).append("\n\n");
            return;
        }
        md.append(t.get("list.items", all.size())).append('\n');
        // a threat feed of 100,000 addresses made a 1.3 MB hover, which editors render whole
        List<String> shown = new ArrayList<>(Math.min(all.size(), SHOWN_ITEMS));
        for (SourcedValue v : all.subList(0, Math.min(all.size(), SHOWN_ITEMS))) {
            shown.add(v.text());
        }
        fence(md, String.join(", ", shown));
        if (all.size() > SHOWN_ITEMS) {
            md.append(t.get("list.moreItems", all.size() - SHOWN_ITEMS)).append("\n\n");
        }
    }

    /** The items a list's hover shows at most; the count says how many there are. */
    static final int SHOWN_ITEMS = 100;

    /** A rule read in plain language (description, clauses, output, priority), then where it is defined. */
    private String explainedRule(String explanation, WorkspaceView ws, List<Definition> defs) {
        // the explanation says whether the rule is disabled
        StringBuilder md = new StringBuilder(explanation.strip()).append("\n\n");
        locations(md, ws, defs);
        return md.toString().strip();
    }

    private void rule(StringBuilder md, List<Definition> defs) {
        RuleItem first = null;
        for (Definition d : defs) {
            if (d.item() instanceof RuleItem r && d.role() == Definition.Role.DEFINE) {
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

    private void locations(StringBuilder md, WorkspaceView ws, List<Definition> defs) {
        List<String> lines = new ArrayList<>();
        for (Definition d : defs) {
            String key = switch (d.role()) {
                case DEFINE -> "symbol.definedAt";
                case APPEND -> "symbol.appendedAt";
                case OVERRIDE -> "symbol.replacedAt";
                case ENABLE -> "symbol.enabledAt";
                case REJECTED -> null;
            };
            if (key != null) {
                lines.add(t.get(key, link(d.uri(), ws.nameRange(d).start().line() + 1)));
            }
        }
        Docs.bullets(md, lines);
    }

    static String link(String uri, int line) {
        String file = RulesWorkspace.fileNameOf(uri);
        return "[" + file + ":" + line + "](" + uri + "#L" + line + ")";
    }

    private static Optional<String> text(YamlEntry e) {
        return e == null || e.text() == null ? Optional.empty() : Optional.of(e.text().strip());
    }

    private static void fence(StringBuilder md, String code) {
        md.append("```falco\n").append(code).append("\n```\n\n");
    }
}
