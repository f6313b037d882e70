package dev.falconer.service;

import dev.falconer.catalog.CatalogTexts;
import dev.falconer.catalog.FalcoVersion;
import dev.falconer.catalog.FieldFlag;
import dev.falconer.catalog.FieldInfo;
import dev.falconer.catalog.FieldTransformer;
import dev.falconer.catalog.FieldType;
import dev.falconer.catalog.Operators;
import dev.falconer.catalog.OperandType;
import dev.falconer.catalog.Releases;
import dev.falconer.condition.Modifier;
import dev.falconer.condition.Operator;
import dev.falconer.explain.ValueGlosses;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Markdown documentation of the language's parts: fields, operators, modifiers, transformers,
 * event types, priorities, sources and YAML keys. Shared by hover and completion resolve; all
 * words come from {@code Features*.properties} and the catalog's bundles.
 */
final class Docs {
    static final String BUNDLE = "dev.falconer.service.Features";

    private final Texts t;
    private final Locale locale;

    Docs(Locale locale) {
        this.locale = locale;
        this.t = Texts.of(BUNDLE, locale);
    }

    Texts texts() {
        return t;
    }

    Locale locale() {
        return locale;
    }

    static String code(String s) {
        return s.indexOf('`') >= 0 ? "`` " + s + " ``" : "`" + s + "`";
    }

    private static String title(String kind, String name) {
        return "**" + code(name) + "** · " + kind + "\n\n";
    }

    /** A field: description, type, argument, sources, plugin, version, flags, and where it does not apply. */
    String field(FieldLookup found, Set<String> sources) {
        FieldInfo f = found.field();
        StringBuilder md = new StringBuilder(title(t.get("kind.field"), f.name()));
        String desc = f.description(locale);
        if (!desc.isBlank()) {
            md.append(desc).append("\n\n");
        }
        List<String> facts = new ArrayList<>();
        facts.add(t.get(f.list() ? "field.typeList" : "field.type", f.type().name()));
        if (f.argument().takesArgument()) {
            String form = t.get("form." + f.argument().form().name());
            facts.add(t.get(f.argument().presence().name().equals("REQUIRED") ? "field.argument.required"
                    : "field.argument.optional", form));
        }
        StringJoiner src = new StringJoiner(t.get("list.separator"));
        for (String s : f.scope().expand(sources)) {
            src.add(code(s));
        }
        facts.add(t.get("field.sources", src.toString()));
        if (f.plugin() != null) {
            facts.add(t.get("field.plugin", f.plugin()));
        }
        if (f.since() != null) {
            facts.add(since("field.since", f.since()));
        }
        if (f.removedIn() != null) {
            facts.add(t.get("field.removedIn", f.removedIn().toString()));
        }
        bullets(md, facts);
        List<String> notes = new ArrayList<>();
        if (f.has(FieldFlag.DEPRECATED)) {
            notes.add(t.get("field.deprecated"));
        }
        if (f.has(FieldFlag.FILTER_ONLY)) {
            notes.add(t.get("field.filterOnly"));
        }
        if (f.has(FieldFlag.PRINT_ONLY)) {
            notes.add(t.get("field.printOnly"));
        }
        if (f.has(FieldFlag.TABLE_ONLY)) {
            notes.add(t.get("field.tableOnly"));
        }
        if (f.has(FieldFlag.NO_TRANSFORMER)) {
            notes.add(t.get("field.noTransformer"));
        }
        if (found.wrongSource() != null) {
            notes.add(t.get("field.wrongSource", found.wrongSource()));
        }
        if (!found.wrongUserSources().isEmpty()) {
            StringJoiner wrong = new StringJoiner(t.get("list.separator"));
            found.wrongUserSources().forEach(s -> wrong.add(code(s)));
            notes.add(t.get("field.wrongSourceOfUsers", wrong.toString()));
        }
        if (found.missingPlugin() != null) {
            notes.add(t.get("field.pluginNotLoaded", found.missingPlugin()));
        }
        for (String n : notes) {
            md.append("\n> ").append(n).append('\n');
        }
        return md.toString().strip();
    }

    String operator(Operator op) {
        StringBuilder md = new StringBuilder(title(t.get("kind.operator"), op.text()));
        md.append(CatalogTexts.operator(op, locale)).append("\n\n");
        List<String> facts = new ArrayList<>();
        StringJoiner groups = new StringJoiner(t.get("list.separator"));
        for (FieldType.Group g : FieldType.Group.values()) {
            FieldType sample = sampleOf(g);
            if (sample != null && Operators.allowed(OperandType.of(sample, false)).contains(op)) {
                groups.add(t.get("group." + g.name()));
            }
        }
        if (groups.length() > 0) {
            facts.add(t.get("operator.accepts", groups.toString()));
        }
        facts.add(t.get("operator.acceptsLists"));
        facts.add(since("operator.since", Operators.since(op)));
        bullets(md, facts);
        return md.toString().strip();
    }

    String modifier(Modifier m) {
        StringBuilder md = new StringBuilder(title(t.get("kind.modifier"), m.text()));
        md.append(CatalogTexts.modifier(m, locale)).append("\n\n");
        bullets(md, List.of(t.get("modifier.usage"), since("operator.since", Operators.since(m))));
        return md.toString().strip();
    }

    String transformer(FieldTransformer tr) {
        StringBuilder md = new StringBuilder(title(t.get("kind.transformer"), tr.text() + "()"));
        md.append(CatalogTexts.transformer(tr, locale)).append("\n\n");
        bullets(md, List.of(t.get("transformer.acceptsLabel", t.get("transformer.accepts." + tr.text())),
                since("transformer.since", tr.since())));
        return md.toString().strip();
    }

    /**
     * "Introduced in" with a version; the catalog does not tell releases before its baseline apart,
     * so a baseline version reads "… or earlier" ({@code <key>Baseline}).
     */
    private String since(String key, FalcoVersion v) {
        return v.compareTo(Releases.BASELINE) <= 0 ? t.get(key + "Baseline", v.toString()) : t.get(key, v.toString());
    }

    /** An {@code evt.type} value: our gloss of it when we have one, and whether it is a system call. */
    String eventType(String name) {
        StringBuilder md = new StringBuilder(title(t.get("kind.eventType"), name));
        Optional<String> gloss = ValueGlosses.builtIn().gloss(name, locale);
        md.append(gloss.map(g -> t.get("eventType.gloss", g)).orElse(t.get("eventType.text"))).append("\n\n");
        bullets(md, List.of(t.get(EventKinds.isSyscall(name) ? "eventType.syscall" : "eventType.internal", name)));
        return md.toString().strip();
    }

    /** A value that carries meaning ({@code mkhomedir_helper}, {@code /dev/shm}) with our gloss of it. */
    String valueGloss(String value, String gloss) {
        return title(t.get("kind.value"), value) + gloss;
    }

    /** A priority value (any case); empty when it is not one. */
    Optional<String> priority(String value) {
        String key = "priority." + value.trim().toLowerCase(Locale.ROOT);
        return t.has(key) ? Optional.of(title(t.get("kind.priority"), value.trim()) + t.get(key)) : Optional.empty();
    }

    String source(String name) {
        return title(t.get("kind.source"), name) + CatalogTexts.source(name, locale).orElse(t.get("source.unknown"));
    }

    /** What a YAML key means for an item kind ({@code rule}, {@code exception} …); empty when we have no text. */
    Optional<String> key(String kindKey, String key) {
        String k = "key." + kindKey + "." + key;
        return t.has(k) ? Optional.of(title(t.get("kind.key"), key) + t.get(k)) : Optional.empty();
    }

    /** {@code and}, {@code or}, {@code not}: meaning and precedence; empty for any other word. */
    Optional<String> keyword(String word) {
        String k = "keyword." + word;
        if (!t.has(k)) {
            return Optional.empty();
        }
        return Optional.of(title(t.get("kind.keyword"), word) + t.get(k) + "\n\n" + t.get("keyword.precedence"));
    }

    /** A field name the catalog does not know, with the names it was probably meant to be. */
    String unknownField(String name, List<String> suggestions) {
        StringBuilder md = new StringBuilder(title(t.get("kind.field"), name)).append(t.get("field.unknown"));
        if (!suggestions.isEmpty()) {
            StringJoiner names = new StringJoiner(t.get("list.separator"));
            suggestions.forEach(sug -> names.add(code(sug)));
            md.append("\n\n").append(t.get("field.didYouMean", names.toString()));
        }
        return md.toString();
    }

    /**
     * {@code override: {key: append|replace}}: what the operation does to that key of the earlier
     * item of {@code kindKey}; a key-specific text when there is one, else the general one.
     */
    Optional<String> overrideValue(String kindKey, String key, String operation) {
        if (!"append".equals(operation) && !"replace".equals(operation)) {
            return Optional.empty();
        }
        String specific = "override." + operation + "." + kindKey + "." + key;
        String text = t.has(specific) ? t.get(specific) : t.get("override." + operation, key, t.get("kind." + kindKey));
        return Optional.of(title(t.get("kind.override"), operation) + text);
    }

    static void bullets(StringBuilder md, List<String> lines) {
        for (String l : lines) {
            md.append("- ").append(l).append('\n');
        }
    }

    private static FieldType sampleOf(FieldType.Group g) {
        for (FieldType f : FieldType.values()) {
            if (f.group() == g) {
                return f;
            }
        }
        return null;
    }
}
