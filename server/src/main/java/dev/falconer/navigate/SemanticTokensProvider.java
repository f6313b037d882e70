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

    /** {@code isList} tells which bare values are list names (they are substituted, not compared). */
    public static SemanticTokens tokens(RulesDocument doc, Predicate<String> isList, ConditionCache cache) {
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
                condition(site.parse(cache), cache.sourceMap(site.scalar()), isList, raw);
            }
            if (item instanceof RuleItem r && r.output() != null && r.output().scalar() != null) {
                output(r.output().scalar(), cache, raw);
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

    private static void condition(ParsedCondition parsed, SourceMap map, Predicate<String> isList, List<long[]> raw) {
        if (parsed.root() == null) {
            return;
        }
        List<int[]> words = new ArrayList<>(); // {start, end, type} in condition offsets
        AstWalker.walk(parsed.root(), node -> {
            if (node instanceof FieldRef f) {
                add(words, f.nameSpan(), TokenType.PROPERTY);
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
                add(words, m.span(), TokenType.MACRO);
            } else if (node instanceof Value v) {
                add(words, v.span(), valueType(v, isList));
            }
        });
        words.sort((a, b) -> Integer.compare(a[0], b[0]));
        connectives(parsed.text(), words);
        for (int[] w : words) {
            TextSpan s = map.documentSpan(w[0], w[1]);
            raw.add(new long[] {s.start(), s.end(), w[2], 0});
        }
    }

    private static TokenType valueType(Value v, Predicate<String> isList) {
        return switch (v.kind()) {
            case NUMBER, HEX -> TokenType.NUMBER;
            case QUOTED -> TokenType.STRING;
            case BARE, IDENTIFIER -> isList.test(v.text()) ? TokenType.VARIABLE : TokenType.STRING;
        };
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
            if (Character.isLetter(c)) {
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

    private static void output(YamlScalar scalar, ConditionCache cache, List<long[]> raw) {
        List<OutputTokens.Token> tokens = OutputTokens.tokenize(scalar.value());
        if (tokens.isEmpty()) {
            return;
        }
        SourceMap map = cache.sourceMap(scalar);
        for (OutputTokens.Token t : tokens) {
            for (OutputTokens.Word w : t.words()) {
                TextSpan s = map.documentSpan(w.start(), w.end());
                raw.add(new long[] {s.start(), s.end(), type(w.kind()).ordinal(), 0});
            }
        }
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
