package dev.falconer.explain;

import dev.falconer.explain.Clause.AllOf;
import dev.falconer.explain.Clause.AnyOf;
import dev.falconer.explain.Clause.Fact;
import dev.falconer.explain.Clause.MacroClause;
import dev.falconer.explain.Clause.Negation;
import dev.falconer.explain.PhraseRenderer.Form;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The clause-by-clause explanation of a rule or macro as markdown: the item's own description,
 * one bullet per clause, macros explained in place down to {@link ExpandDepth} and read in one
 * line below that, the exceptions, what the rule reports, its priority, source and tags.
 */
public final class MarkdownRenderer {

    /** Lists longer than this show their first items and how many more there are. */
    private static final int MAX_LIST_ITEMS = 120; // every official list whole (the longest has 102 items)
    /**
     * Below the expansion depth a macro is read in one line, in full; a reading longer than this is
     * shown as its clause list instead (one level more, its own macros then read in one line).
     */
    private static final int MACRO_BRIEF_CHARS = 160;

    private final PhraseRenderer phrases;
    private final InlineRenderer inline;
    private final Phrasebook book;
    private final ExpandDepth depth;
    private final Function<String, Optional<String>> macroLinks;
    private final boolean heading;
    private final StringBuilder out = new StringBuilder();
    private final Set<ValueNote> shownNotes = new HashSet<>();

    private MarkdownRenderer(Locale locale, ExpandDepth depth, Function<String, Optional<String>> macroLinks,
                             boolean heading) {
        this.heading = heading;
        this.book = Phrasebook.of(locale);
        this.phrases = new PhraseRenderer(book, PhraseRenderer.Style.MARKDOWN);
        this.inline = new InlineRenderer(phrases);
        this.depth = depth;
        this.macroLinks = macroLinks;
    }

    public static String render(Explanation explanation, ExpandDepth depth) {
        return render(explanation, depth, name -> Optional.empty());
    }

    /**
     * As {@link #render(Explanation, ExpandDepth)}, with macro names linked where
     * {@code macroLinks} gives a target (e.g. a command URI that explains that macro).
     */
    public static String render(Explanation explanation, ExpandDepth depth,
                                Function<String, Optional<String>> macroLinks) {
        return new MarkdownRenderer(explanation.locale(), depth, macroLinks, false).document(explanation);
    }

    /**
     * As {@link #render(Explanation, ExpandDepth, Function)}, with the title as a heading: for a
     * document of many items, where a macro's name can link to its heading's {@link #anchor}.
     */
    public static String renderSection(Explanation explanation, ExpandDepth depth,
                                       Function<String, Optional<String>> macroLinks) {
        return new MarkdownRenderer(explanation.locale(), depth, macroLinks, true).document(explanation);
    }

    /**
     * The anchor of an item's heading in {@link #renderSection} output, as GitHub and most renderers
     * make it, before a repeated one is numbered ({@code HeadingAnchors}).
     */
    public static String anchor(Locale locale, boolean macro, String name) {
        String text = Phrasebook.of(locale).format(macro ? "md.title.macro" : "md.title.rule", name).replaceAll("[*`]", "");
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}\\s_-]", "").replace(' ', '-');
    }

    private String document(Explanation e) {
        String kind = e.kind() == Explanation.Kind.RULE ? "rule" : "macro";
        String title = e.kind() == Explanation.Kind.RULE ? Markdown.literal(e.name()) : phrases.code(e.name());
        out.append(heading ? "## " : "").append(book.format("md.title." + kind, title)).append("\n\n");
        if (e.desc() != null) {
            out.append(Markdown.quote(e.desc(), "")).append('\n');
        }
        if (e.comment() != null) {
            out.append(book.format("md.comment", "")).append('\n').append(Markdown.quote(e.comment(), "")).append('\n');
        }
        condition(e.condition(), kind);
        if (e.neverFires()) {
            out.append(book.format("md.neverFires")).append("\n\n");
        }
        exceptions(e.exceptions());
        if (e.output() != null) {
            output(e.output());
        }
        if (e.priority() != null) {
            String word = "priority." + e.priority().toLowerCase(Locale.ROOT);
            out.append(book.has(word) ? book.format("md.priority", phrases.code(e.priority()), book.format(word))
                    : book.format("md.priority.other", phrases.code(e.priority()))).append('\n');
        }
        if (e.source() != null) {
            out.append(book.format("md.source", phrases.code(e.source()))).append('\n');
        }
        if (!e.tags().isEmpty()) {
            String tags = e.tags().stream().map(phrases::code).collect(Collectors.joining(book.format("md.tags.separator")));
            out.append(book.format("md.tags", tags)).append('\n');
        }
        if (!e.enabled()) {
            out.append(book.format("md.disabled", phrases.code("enabled: false"))).append('\n');
        }
        return out.toString().stripTrailing() + "\n";
    }

    private void condition(Clause root, String kind) {
        if (root instanceof AllOf all) {
            out.append(book.format("md." + kind + ".all")).append("\n\n");
            bullets(all.children(), "", 0);
        } else if (root instanceof AnyOf any) {
            out.append(book.format("md." + kind + ".any")).append("\n\n");
            bullets(any.children(), "", 0);
        } else if (root instanceof Fact f) {
            boolean constant = f.kind() == Fact.Kind.CONSTANT; // a sentence of its own: "This never holds (…)."
            String text = phrases.render(f.phrase(), Form.FINAL);
            String key = constant ? "md.constant" : "md." + kind + ".one";
            out.append(book.orthography(closed(book.format(key, constant ? phrases.capitalize(text) : text))))
                    .append(f.notes().isEmpty() ? "\n" : "\n\n");
            notes(f.notes(), "");
        } else {
            out.append(book.format("md." + kind + ".lead")).append("\n\n");
            bullet(root, "", 0);
        }
        out.append('\n');
    }

    private void bullets(List<Clause> clauses, String indent, int level) {
        for (Clause c : clauses) {
            bullet(c, indent, level);
        }
    }

    private void bullet(Clause c, String indent, int level) {
        String sub = indent + "  ";
        if (c instanceof Fact f) {
            line(indent, sentence(phrases.render(f.phrase(), Form.FINAL)));
            notes(f.notes(), sub);
        } else if (c instanceof AllOf all) {
            line(indent, book.format("md.group.all"));
            bullets(all.children(), sub, level);
        } else if (c instanceof AnyOf any) {
            line(indent, book.format("md.group.any"));
            bullets(any.children(), sub, level);
        } else if (c instanceof Negation n && n.child() instanceof AnyOf any) {
            line(indent, book.format("md.group.none"));
            bullets(any.children(), sub, level);
        } else if (c instanceof Negation n && n.child() instanceof AllOf all) {
            line(indent, book.format("md.group.notall"));
            bullets(all.children(), sub, level);
        } else if (c instanceof Negation n) {
            bullet(Negations.negate(n.child()), indent, level);
        } else if (c instanceof MacroClause m) {
            macro(m, indent, level);
        } else {
            line(indent, sentence(phrases.render(Phrase.of("unparsed"), Form.FINAL)));
        }
    }

    private void macro(MacroClause m, String indent, int level) {
        String sub = indent + "  ";
        String name = macroName(m.name());
        if (m.inline()) {
            Clause body = Negations.inlineBody(m);
            line(indent, book.format(m.negated() ? "md.macro.inline.not" : "md.macro.inline", name,
                    inline.render(body)));
            Clause leaf = body;
            while (leaf instanceof MacroClause inner) {
                leaf = Negations.inlineBody(inner);
            }
            if (leaf instanceof Fact f) {
                notes(f.notes(), sub);
            }
            return;
        }
        String ref = book.format(m.negated() ? "md.macro.ref.not" : "md.macro.ref", name);
        switch (m.state()) {
            case UNDEFINED -> line(indent, sentence(book.format(
                    m.negated() ? "md.macro.undefined.not" : "md.macro.undefined", name)));
            case HIDDEN -> line(indent, sentence(book.format("md.macro.hidden", ref, name)));
            case CYCLE -> line(indent, sentence(book.format("md.macro.cycle", ref, name)));
            case TOO_DEEP -> line(indent, sentence(ref));
            case RESOLVED -> {
                if (level >= depth.levels()) {
                    String brief = inline.render(m.body());
                    if (level > depth.levels() || brief.length() <= MACRO_BRIEF_CHARS || m.body() instanceof Fact) {
                        line(indent, sentence(book.format("md.macro.brief", ref, brief, name)));
                        return;
                    }
                }
                Clause body = m.body();
                String shape = body instanceof AllOf ? "all" : body instanceof AnyOf ? "any" : "one";
                line(indent, phrases.capitalize(book.format("md.macro.def." + shape, ref, name)));
                if (m.comment() != null) {
                    out.append(Markdown.quote(book.format("md.macro.comment", m.comment().replaceAll("\\s+", " ")), sub));
                }
                if (body instanceof AllOf all) {
                    bullets(all.children(), sub, level + 1);
                } else if (body instanceof AnyOf any) {
                    bullets(any.children(), sub, level + 1);
                } else {
                    bullet(body, sub, level + 1);
                }
            }
        }
    }

    private void notes(List<ValueNote> notes, String indent) {
        for (ValueNote n : notes) {
            if (!shownNotes.add(n)) {
                continue;
            }
            if (n instanceof ValueNote.Gloss g) {
                line(indent, book.format("md.note.gloss", phrases.code(g.value()), g.text()));
            } else {
                ValueNote.ListItems l = (ValueNote.ListItems) n;
                List<String> shown = l.items().stream().limit(MAX_LIST_ITEMS).map(phrases::code).toList();
                String items = String.join(book.format("list.sep"), shown);
                int count = l.items().size();
                line(indent, count > MAX_LIST_ITEMS
                        ? book.format("md.note.list.more", phrases.code(l.name()), items, count, count - MAX_LIST_ITEMS)
                        : book.format(l.items().isEmpty() ? "md.note.list.empty" : "md.note.list",
                        phrases.code(l.name()), items, count));
            }
        }
    }

    private void exceptions(List<ExceptionClause> exceptions) {
        if (exceptions.isEmpty()) {
            return;
        }
        out.append(book.format("md.exceptions")).append("\n\n");
        for (ExceptionClause e : exceptions) {
            String name = phrases.code(e.name());
            if (e.when() == null) {
                line("", sentence(book.format("md.exception.empty", name)));
            } else if (e.when() instanceof AnyOf any) {
                line("", book.format("md.exception.any", name));
                for (Clause tuple : any.children()) {
                    line("  ", sentence(inline.render(tuple)));
                    notes(listNotes(tuple, new ArrayList<>()), "    ");
                }
            } else {
                line("", sentence(book.format("md.exception.one", name, inline.render(e.when()))));
                notes(listNotes(e.when(), new ArrayList<>()), "  ");
            }
        }
        out.append('\n');
    }

    /** The lists an exception's values name, with their items, as the condition's are noted (glosses left out). */
    private static List<ValueNote> listNotes(Clause c, List<ValueNote> into) {
        if (c instanceof Fact f) {
            f.notes().stream().filter(ValueNote.ListItems.class::isInstance).forEach(into::add);
        } else if (c instanceof AllOf all) {
            all.children().forEach(child -> listNotes(child, into));
        } else if (c instanceof AnyOf any) {
            any.children().forEach(child -> listNotes(child, into));
        } else if (c instanceof Negation n) {
            listNotes(n.child(), into);
        }
        return into;
    }

    private void output(OutputSummary o) {
        String fields = phrases.join(o.fields().stream().map(phrases::arg).toList(), "list.and");
        boolean message = !o.message().isEmpty();
        String key = !message ? "md.output.fields" : o.fields().isEmpty() ? "md.output.message" : "md.output";
        out.append(book.orthography(book.format(key, message ? message(o.message()) : "", fields))).append("\n\n");
    }

    /** The message as the reader sees it in an alert, each field a named slot: {@code Shell <process name> started}. */
    private String message(List<PhraseArg> parts) {
        StringBuilder text = new StringBuilder();
        for (PhraseArg p : parts) {
            if (p instanceof PhraseArg.Text t) {
                text.append(t.text());
            } else {
                String noun = p instanceof PhraseArg.Field f && f.phrase() != null ? f.phrase()
                        : p instanceof PhraseArg.Field f ? f.name()
                        : new PhraseRenderer(book, PhraseRenderer.Style.PLAIN).arg(p);
                String bare = book.pattern("grammar.article").map(a -> a.matcher(noun).replaceFirst("")).orElse(noun);
                text.append(book.format("md.output.slot", bare));
            }
        }
        return phrases.code(text.toString());
    }

    private String macroName(String name) {
        String code = phrases.code(name);
        return macroLinks.apply(name).map(uri -> "[" + code + "](" + uri + ")").orElse(code);
    }

    private String sentence(String text) {
        return closed(book.format("md.sentence", phrases.capitalize(text)));
    }

    /** A sentence that ends in the ellipsis of cut values ends there: "…", not "…." */
    private String closed(String sentence) {
        String ellipsis = book.format("summary.ellipsis");
        int stop = sentence.length() - 1;
        boolean doubled = stop > 0 && (sentence.charAt(stop) == '.' || sentence.charAt(stop) == '\u3002')
                && sentence.startsWith(ellipsis, stop - ellipsis.length());
        return doubled ? sentence.substring(0, stop) : sentence;
    }

    private void line(String indent, String text) {
        out.append(indent).append("- ").append(book.orthography(text)).append('\n');
    }
}
