package dev.falconer.navigate;

import dev.falconer.condition.AstWalker;
import dev.falconer.condition.Check;
import dev.falconer.condition.Exists;
import dev.falconer.condition.FieldRef;
import dev.falconer.condition.MacroRef;
import dev.falconer.condition.Not;
import dev.falconer.condition.ParsedCondition;
import dev.falconer.condition.Span;
import dev.falconer.condition.Transformer;
import dev.falconer.condition.Value;
import dev.falconer.output.OutputTokens;
import dev.falconer.rules.ListItem;
import dev.falconer.rules.NamedItem;
import dev.falconer.rules.RuleItem;
import dev.falconer.rules.RulesDocument;
import dev.falconer.rules.RulesItem;
import dev.falconer.rules.SourceMap;
import dev.falconer.rules.YamlScalar;
import dev.falconer.text.LineIndex;
import dev.falconer.text.TextSpan;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensLegend;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * Semantic tokens for what YAML highlighting shows as one flat string: the condition language
 * inside {@code condition:} (fields, macros, lists, operators, keywords, transformers, strings,
 * numbers) and the {@code %field} placeholders of outputs, plus the names that macro and list
 * entries declare. Tokens never span lines (a folded condition yields one token per line piece).
 */
public final class SemanticTokensProvider {
    /** Modifier bit: the name an entry declares. */
    public static final int DECLARATION = 1;

    private SemanticTokensProvider() {
    }

    public static SemanticTokensLegend legend() {
        List<String> types = Arrays.stream(TokenType.values()).map(TokenType::lspName).toList();
        return new SemanticTokensLegend(types, List.of("declaration"));
    }

    /**
     * Keeps in {@code cache} what {@link #tokens} reads from the document's conditions and
     * outputs: their words and their source maps. An output's map is first needed here (the
     * checks and hovers map conditions), so a session's first tokens of a large file mapped some
     * hundred outputs, with the mapping code not yet compiled.
     */
    static void prepare(RulesDocument doc, Predicate<String> isField, ConditionCache cache) {
        for (RulesItem item : doc.items()) {
            ConditionSite site = ConditionSite.of(item);
            if (site != null) {
                conditionWords(site, cache);
                cache.sourceMap(site.scalar());
            }
            if (item instanceof RuleItem r && r.output() != null && r.output().scalar() != null
                    && outputWords(r.output().scalar(), isField, cache).length > 0) {
                cache.sourceMap(r.output().scalar());
            }
        }
    }

    private static ConditionWords conditionWords(ConditionSite condition, ConditionCache cache) {
        return cache.tokenWords("condition", condition.text(), text -> ConditionWords.of(cache.apply(text)));
    }

    /** Kept per text: {@code isField} is the catalog's, which a server keeps for its life but a reload. */
    private static int[] outputWords(YamlScalar output, Predicate<String> isField, ConditionCache cache) {
        return cache.tokenWords("output", output.value(), text -> outputWords(text, isField));
    }

    /**
     * {@code isList} tells which bare values are list names (they are substituted, not compared);
     * {@code isField} which output placeholders are fields (see {@link OutputTokens#knownTo}).
     */
    public static SemanticTokens tokens(RulesDocument doc, Predicate<String> isList, Predicate<String> isField,
                                        ConditionCache cache) {
        List<long[]> raw = new ArrayList<>(); // {start, end, type, modifiers}
        for (RulesItem item : doc.items()) {
            if (item instanceof NamedItem n && n.name() != null) {
                if (n.kind() == dev.falconer.rules.ItemKind.MACRO) {
                    raw.add(new long[] {n.nameSpan().start(), n.nameSpan().end(), TokenType.MACRO.ordinal(), DECLARATION});
                } else if (n.kind() == dev.falconer.rules.ItemKind.LIST) {
                    raw.add(new long[] {n.nameSpan().start(), n.nameSpan().end(), TokenType.VARIABLE.ordinal(), DECLARATION});
                }
            }
            ConditionSite site = ConditionSite.of(item);
            if (site != null) {
                condition(conditionWords(site, cache), cache.sourceMap(site.scalar()), isList, raw);
                joiner(site, cache, raw);
            }
            if (item instanceof RuleItem r && r.output() != null && r.output().scalar() != null) {
                output(r.output().scalar(), isField, cache, raw);
            }
            if (item instanceof ListItem l) {
                for (YamlScalar s : l.itemScalars()) {
                    if (isList.test(s.value())) {
                        raw.add(new long[] {s.span().start(), s.span().end(), TokenType.VARIABLE.ordinal(), 0});
                    }
                }
            }
        }
        return new SemanticTokens(encode(doc.text(), doc.lineIndex(), raw));
    }

    /**
     * A condition's words in condition offsets, sorted, as {start, end, type} triples; a bare
     * value that may name a list has type -1 and its text in {@code values} (whether it does
     * depends on the workspace, not on the text).
     */
    private record ConditionWords(int[] words, String[] values) {
        static ConditionWords of(ParsedCondition parsed) {
            List<int[]> words = new ArrayList<>(); // {start, end, type}
            List<String> values = new ArrayList<>();
            if (parsed.root() != null) {
                collect(parsed, 0, words, values);
            }
            for (ConditionRemainders.Remainder rest : ConditionRemainders.after(parsed)) {
                collect(rest.parsed(), rest.offset(), words, values);
            }
            words.sort((a, b) -> Integer.compare(a[0], b[0]));
            connectives(parsed.text(), words);
            int[] flat = new int[words.size() * 3];
            String[] texts = new String[words.size()];
            for (int i = 0; i < words.size(); i++) {
                int[] w = words.get(i);
                flat[i * 3] = w[0];
                flat[i * 3 + 1] = w[1];
                flat[i * 3 + 2] = w[2];
                texts[i] = w[2] < 0 ? values.get(w[3]) : null;
            }
            return new ConditionWords(flat, texts);
        }

        /** The words of {@code parsed}'s tree, at {@code shift} from the start of the whole condition. */
        private static void collect(ParsedCondition parsed, int shift, List<int[]> words, List<String> values) {
            int first = words.size();
            AstWalker.walk(parsed.root(), node -> {
                if (node instanceof FieldRef f) {
                    if (f.argument() == null) {
                        maybeList(words, values, f.nameSpan(), f.name(), TokenType.PROPERTY);
                    } else {
                        add(words, f.nameSpan(), TokenType.PROPERTY);
                    }
                    if (f.argument() != null) {
                        add(words, f.argument().span(), TokenType.PARAMETER);
                    }
                } else if (node instanceof Transformer t) {
                    add(words, t.nameSpan(), TokenType.FUNCTION);
                    if (t.argument() != null) {
                        add(words, t.argument().span(), TokenType.PARAMETER);
                    }
                } else if (node instanceof Check c) {
                    add(words, c.operatorSpan(), TokenType.OPERATOR);
                    add(words, c.modifierSpan(), TokenType.KEYWORD);
                } else if (node instanceof Exists e) {
                    add(words, e.operator(), TokenType.OPERATOR);
                } else if (node instanceof Not n) {
                    add(words, n.keyword(), TokenType.KEYWORD);
                } else if (node instanceof MacroRef m) {
                    maybeList(words, values, m.span(), m.name(), TokenType.MACRO);
                } else if (node instanceof Value v) {
                    Span span = v.span();
                    switch (v.kind()) {
                        case NUMBER, HEX -> add(words, span, TokenType.NUMBER);
                        case QUOTED -> add(words, span, TokenType.STRING);
                        case BARE, IDENTIFIER -> maybeList(words, values, span, v.text(), TokenType.STRING);
                    }
                }
            });
            for (int i = first; i < words.size(); i++) {
                words.get(i)[0] += shift;
                words.get(i)[1] += shift;
            }
        }
    }

    /**
     * A word that names a list if the workspace has one of its name (Falco pastes lists wherever
     * their names stand: a value, a field's place, a condition's), else {@code otherwise}; kept as
     * {@code -1 - otherwise} until the workspace is asked.
     */
    private static void maybeList(List<int[]> words, List<String> values, Span span, String text, TokenType otherwise) {
        if (span != null && span.length() > 0) {
            words.add(new int[] {span.start(), span.end(), -1 - otherwise.ordinal(), values.size()});
            values.add(text);
        }
    }

    private static void condition(ConditionWords words, SourceMap map, Predicate<String> isList, List<long[]> raw) {
        int[] w = words.words();
        for (int i = 0; i < w.length / 3; i++) {
            int type = w[i * 3 + 2];
            if (type < 0) {
                type = isList.test(words.values()[i]) ? TokenType.VARIABLE.ordinal() : -1 - type;
            }
            TextSpan s = map.documentSpan(w[i * 3], w[i * 3 + 1]);
            raw.add(new long[] {s.start(), s.end(), type, 0});
        }
    }

    /**
     * The {@code and}/{@code or} that joins an appended condition to the earlier one: the grammar
     * reads the fragment without it, so no word of the parse covers it (QA round 18).
     */
    private static void joiner(ConditionSite site, ConditionCache cache, List<long[]> raw) {
        if (!site.item().appendsCondition()) {
            return;
        }
        String written = site.scalar().value();
        String read = site.text();
        int start = 0;
        while (start < written.length() && written.charAt(start) == read.charAt(start)) {
            start++;
        }
        int end = start;
        while (end < written.length() && written.charAt(end) != read.charAt(end)) {
            end++;
        }
        if (end > start) {
            TextSpan s = cache.sourceMap(site.scalar()).documentSpan(start, end);
            raw.add(new long[] {s.start(), s.end(), TokenType.KEYWORD.ordinal(), 0});
        }
    }

    private static void add(List<int[]> words, Span span, TokenType type) {
        if (span != null && span.length() > 0) {
            words.add(new int[] {span.start(), span.end(), type.ordinal()});
        }
    }

    /** {@code and}/{@code or} have no node of their own: find them between the other words. */
    private static void connectives(String text, List<int[]> words) {
        List<int[]> found = new ArrayList<>();
        int from = 0;
        for (int i = 0; i <= words.size(); i++) {
            int to = i < words.size() ? words.get(i)[0] : text.length();
            scanGap(text, from, to, found);
            if (i < words.size()) {
                from = Math.max(from, words.get(i)[1]);
            }
        }
        if (!found.isEmpty()) {
            words.addAll(found);
            words.sort((a, b) -> Integer.compare(a[0], b[0]));
        }
    }

    private static void scanGap(String text, int from, int to, List<int[]> out) {
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                int close = ConditionRemainders.closingQuote(text, i);
                i = close < 0 ? i + 1 : close + 1; // a string past an error is no keyword; a stray quote is no string
            } else if (Character.isLetter(c)) {
                int e = i;
                while (e < to && (Character.isLetterOrDigit(text.charAt(e)) || text.charAt(e) == '_')) {
                    e++;
                }
                String w = text.substring(i, e);
                if (w.equals("and") || w.equals("or") || w.equals("not")) {
                    out.add(new int[] {i, e, TokenType.KEYWORD.ordinal()});
                }
                i = e;
            } else {
                i++;
            }
        }
    }

    private static void output(YamlScalar scalar, Predicate<String> isField, ConditionCache cache, List<long[]> raw) {
        int[] words = outputWords(scalar, isField, cache);
        if (words.length == 0) {
            return;
        }
        SourceMap map = cache.sourceMap(scalar);
        for (int i = 0; i < words.length; i += 3) {
            TextSpan s = map.documentSpan(words[i], words[i + 1]);
            raw.add(new long[] {s.start(), s.end(), words[i + 2], 0});
        }
    }

    /** The {@code %field} words of an output, as {start, end, type} triples in value offsets. */
    private static int[] outputWords(String output, Predicate<String> isField) {
        List<OutputTokens.Token> tokens = OutputTokens.tokenize(output, isField);
        List<Integer> out = new ArrayList<>();
        for (OutputTokens.Token t : tokens) {
            for (OutputTokens.Word w : t.words()) {
                out.add(w.start());
                out.add(w.end());
                out.add(type(w.kind()).ordinal());
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static TokenType type(OutputTokens.WordKind kind) {
        return switch (kind) {
            case TRANSFORMER -> TokenType.FUNCTION;
            case FIELD -> TokenType.PROPERTY;
            case ARGUMENT -> TokenType.PARAMETER;
        };
    }

    /** LSP's relative encoding; overlapping tokens are dropped, multi-line ones split per line. */
    static List<Integer> encode(String text, LineIndex index, List<long[]> raw) {
        raw.sort((a, b) -> Long.compare(a[0], b[0]));
        List<Integer> data = new ArrayList<>(raw.size() * 5);
        int prevLine = 0;
        int prevChar = 0;
        long lastEnd = -1;
        for (long[] t : raw) {
            int start = (int) t[0];
            int end = (int) t[1];
            if (end <= start || start < lastEnd) {
                continue;
            }
            lastEnd = end;
            int line = index.lineOf(start);
            while (start < end) {
                int lineEnd = Math.min(end, index.lineEnd(line));
                if (lineEnd > start) {
                    int ch = start - index.lineStart(line);
                    data.add(line - prevLine);
                    data.add(line == prevLine ? ch - prevChar : ch);
                    data.add(lineEnd - start);
                    data.add((int) t[2]);
                    data.add((int) t[3]);
                    prevLine = line;
                    prevChar = ch;
                }
                line++;
                if (line >= index.lineCount()) {
                    break;
                }
                start = Math.max(start, index.lineStart(line));
                // a continuation line's indentation is YAML layout, not part of the token
                while (start < end && start < index.lineEnd(line) && (text.charAt(start) == ' ' || text.charAt(start) == '\t')) {
                    start++;
                }
            }
        }
        return data;
    }
}
