package dev.falconer.explain;

import dev.falconer.condition.FieldArg;
import dev.falconer.condition.Span;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a rule's output: the message it starts with, and the fields ({@code %proc.name}) it prints. */
final class OutputExplainer {

    // %[width]field[arg], or %[width]transformer(field…)
    private static final Pattern TOKEN = Pattern.compile(
            "%[0-9]*(?:([a-z0-9_]+)\\(\\s*)?([a-zA-Z][a-zA-Z0-9_]*(?:\\.[a-zA-Z][a-zA-Z0-9_]*)+)(?:\\[([^\\]]*)\\])?");
    private static final Pattern TRAILING_KEY = Pattern.compile("[\\s|(,:;=\\-]*(?:[A-Za-z_][\\w.]*\\s*[=:]\\s*)?[\\s|(,:;\\-]*$");
    private static final Set<String> SINGLE_TRANSFORMERS = Set.of("tolower", "toupper", "b64", "basename", "len");

    private final OperandPhraser operands;

    OutputExplainer(OperandPhraser operands) {
        this.operands = operands;
    }

    OutputSummary explain(String output) {
        if (output == null || output.isBlank()) {
            return null;
        }
        String text = output.strip();
        if (text.startsWith("*")) {
            text = text.substring(1);
        }
        int firstToken = text.indexOf('%');
        String message = firstToken < 0 ? text : text.substring(0, firstToken);
        message = TRAILING_KEY.matcher(message).replaceFirst("").replaceAll("\\s+", " ").strip();
        List<PhraseArg> fields = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            String transformer = m.group(1);
            String name = m.group(2);
            String arg = m.group(3);
            String key = (transformer == null ? "" : transformer + "(") + name + (arg == null ? "" : "[" + arg + "]");
            if (!seen.add(key)) {
                continue;
            }
            FieldArg fieldArg = arg == null ? null : new FieldArg(arg, false, Span.of(0, 0), Span.of(0, 0));
            PhraseArg field = operands.field(name, fieldArg);
            if (transformer != null && SINGLE_TRANSFORMERS.contains(transformer)) {
                field = new PhraseArg.Sub(Phrase.of("xf." + transformer, field));
            }
            fields.add(field);
        }
        return new OutputSummary(message.isEmpty() ? null : message, fields);
    }
}
