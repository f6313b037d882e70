package dev.falconer.explain;

import dev.falconer.condition.FieldArg;
import dev.falconer.condition.Span;
import dev.falconer.output.OutputTokens;
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
    private static final Pattern KEYED = Pattern.compile("[A-Za-z_][\\w.]*\\s*[=:]\\s*$");
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
        List<PhraseArg> message = new ArrayList<>();
        boolean inMessage = true;
        int from = 0;
        List<PhraseArg> fields = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        Matcher m = TOKEN.matcher(text);
        int searchFrom = 0;
        while (searchFrom <= text.length() && m.find(searchFrom)) {
            // a transformer's token runs to its closing parenthesis, arguments and all
            int close = m.group(1) == null ? -1 : OutputTokens.closingParen(text, text.indexOf('(', m.start()));
            int end = m.group(1) == null ? m.end() : close < 0 ? text.length() : close + 1;
            searchFrom = end;
            String token = text.substring(m.start(), end);
            PhraseArg field = m.group(1) != null && !SINGLE_TRANSFORMERS.contains(m.group(1))
                    ? new PhraseArg.Code(token.substring(1).replaceFirst("^[0-9]*", "")) : field(m);
            if (inMessage) {
                // The message runs until the "key=%field" listing that usually follows it.
                String before = text.substring(from, m.start());
                String kept = TRAILING_KEY.matcher(before).replaceFirst("");
                boolean listing = KEYED.matcher(before).find() || before.contains("(");
                addText(message, listing ? cutAtBracket(kept) : before);
                if (listing) {
                    inMessage = false;
                } else {
                    message.add(field);
                }
                from = end;
            }
            String key = token.substring(1).replaceFirst("^[0-9]*", "");
            if (seen.add(key)) {
                fields.add(field);
            }
        }
        if (inMessage) {
            addText(message, TRAILING_KEY.matcher(text.substring(from)).replaceFirst(""));
        }
        trim(message);
        if (message.isEmpty()) {
            // "project=%gcp.projectId A GCP bucket has been granted public access by user=%gcp.user":
            // the message is the longest prose between the fields (QA round 22: it was left out)
            String prose = longestProse(text);
            if (prose != null) {
                message.add(new PhraseArg.Text(prose));
            }
        }
        return new OutputSummary(message, fields);
    }

    /** The longest run of at least three words between an output's fields, without a key before the next. */
    private static String longestProse(String text) {
        String best = null;
        int bestWords = 2;
        for (String piece : TOKEN.split(text)) {
            String t = TRAILING_KEY.matcher(piece).replaceFirst("").replaceAll("^[\\s|(),:;=\\-]+", "")
                    .replaceAll("\\s+", " ").strip();
            int words = t.isEmpty() ? 0 : t.split(" ").length;
            if (words > bestWords) {
                best = t;
                bestWords = words;
            }
        }
        return best;
    }

    private PhraseArg field(Matcher m) {
        String transformer = m.group(1);
        String name = m.group(2);
        String arg = m.group(3);
        FieldArg fieldArg = arg == null ? null : new FieldArg(arg, false, Span.of(0, 0), Span.of(0, 0));
        PhraseArg field = operands.field(name, fieldArg);
        if (transformer != null && SINGLE_TRANSFORMERS.contains(transformer)) {
            field = new PhraseArg.Sub(Phrase.of("xf." + transformer, field));
        }
        return field;
    }

    /** "Shell spawned (user" : a bracket opened before the listing belongs to it. */
    private static String cutAtBracket(String text) {
        int open = text.indexOf('(');
        return open < 0 ? text : text.substring(0, open);
    }

    private static void addText(List<PhraseArg> message, String text) {
        String t = text.replaceAll("\\s+", " ");
        if (!t.isEmpty()) {
            message.add(new PhraseArg.Text(t));
        }
    }

    /** Blank ends and trailing punctuation of the listing are not part of the message. */
    private static void trim(List<PhraseArg> message) {
        while (!message.isEmpty() && message.get(message.size() - 1) instanceof PhraseArg.Text t
                && t.text().replaceAll("[\\s|(,:;\\-]+$", "").isEmpty()) {
            message.remove(message.size() - 1);
        }
        if (!message.isEmpty() && message.get(message.size() - 1) instanceof PhraseArg.Text t) {
            message.set(message.size() - 1, new PhraseArg.Text(t.text().replaceAll("[\\s|(,:;\\-]+$", "")));
        }
        if (!message.isEmpty() && message.get(0) instanceof PhraseArg.Text t) {
            String s = t.text().stripLeading();
            if (s.isEmpty()) {
                message.remove(0);
            } else {
                message.set(0, new PhraseArg.Text(s));
            }
        }
        if (message.stream().noneMatch(p -> p instanceof PhraseArg.Text)) {
            message.clear(); // only fields: there is no message to quote
        }
    }
}
