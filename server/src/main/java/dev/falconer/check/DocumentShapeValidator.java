package dev.falconer.check;

import dev.falconer.rules.BrokenItem;
import dev.falconer.rules.MalformedItem;
import dev.falconer.rules.RulesDocument;
import dev.falconer.rules.RulesItem;
import dev.falconer.rules.UnknownItem;
import dev.falconer.rules.YamlEntry;
import dev.falconer.text.TextSpan;
import java.util.List;
import java.util.Set;

/** YAML syntax errors, documents and entries of the wrong shape, and entries of no known kind (spec §2.1, §2.2). */
final class DocumentShapeValidator implements Validator {
    /** The YAML errors of an escape that {@link YamlProblems#badEscape} can find in the string. */
    private static final Set<String> ESCAPE_KEYS = Set.of("yaml.badEscape", "yaml.badHexEscape");
    /** An empty span widened to the character it points at (or the one before, at a line end), so editors show it. */
    static TextSpan visible(String text, TextSpan span) {
        if (!span.isEmpty()) {
            return span;
        }
        int at = span.start();
        if (at < text.length() && text.charAt(at) != '\n' && text.charAt(at) != '\r') {
            return TextSpan.of(at, at + 1);
        }
        return at > 0 && text.charAt(at - 1) != '\n' ? TextSpan.of(at - 1, at) : span;
    }

    /** True when only blanks stand before {@code at} on its line. */
    private static boolean startsALine(String text, int at) {
        for (int i = Math.min(at, text.length()) - 1; i >= 0 && text.charAt(i) != '\n'; i--) {
            if (text.charAt(i) != ' ' && text.charAt(i) != '\t') {
                return false;
            }
        }
        return true;
    }

    @Override
    public void validate(CheckContext ctx) {
        for (RulesDocument doc : ctx.wantedDocuments()) {
            for (RulesItem item : doc.items()) {
                if (item instanceof BrokenItem b) {
                    TextSpan at = visible(doc.text(), b.problemSpan() != null ? b.problemSpan() : b.span());
                    YamlProblems.Message message = YamlProblems.of(b.problem());
                    if ("yaml.notContinued".equals(message.key()) && !startsALine(doc.text(), at.start())) {
                        // text after a value on its own line ("'proc.name' = x"), not a line that fails to continue it
                        message = new YamlProblems.Message("yaml.afterValue", message.args());
                    }
                    if (message.key().equals("yaml.badCodePoint")
                            && !at.textOf(doc.text()).equals(message.args().get(0))) {
                        // SnakeYAML let a Java message through, placed nowhere near: the escape itself
                        // (a surrogate escape, found by us, is placed already)
                        int found = doc.text().indexOf(message.args().get(0), b.span().start());
                        if (found >= 0 && found < b.span().end()) {
                            at = TextSpan.of(found, found + message.args().get(0).length());
                        }
                    } else if (ESCAPE_KEYS.contains(message.key())) {
                        // SnakeYAML marks the whole string (or a place after it): the escape itself,
                        // looked for from where it marks the string (its opening quote) to the item's end
                        TextSpan escape = YamlProblems.badEscape(doc.text(),
                                TextSpan.of(at.start(), Math.max(at.start(), b.span().end())));
                        at = escape != null ? escape : at;
                    }
                    ctx.sink().add(DiagnosticCode.YAML_SYNTAX, doc.uri(), at, message.key(),
                            message.args().toArray());
                } else if (item instanceof MalformedItem m) {
                    String key = switch (m.reason()) {
                        case DOCUMENT_IS_A_SCALAR -> "structure.documentScalar";
                        case DOCUMENT_NOT_A_SEQUENCE -> "structure.documentMapping";
                        case ENTRY_NOT_A_MAPPING -> "structure.entryNotMapping";
                    };
                    TextSpan at = m.node() != null ? m.node().span() : m.span();
                    ctx.sink().add(DiagnosticCode.STRUCTURE, doc.uri(), at, key);
                } else if (item instanceof UnknownItem u) {
                    YamlEntry first = u.mapping().entries().isEmpty() ? null : u.mapping().entries().get(0);
                    TextSpan at = first != null ? first.keySpan() : u.span();
                    String key = first == null ? "" : String.valueOf(first.keyText());
                    var close = Names.closest(key, ItemKeys.all());
                    ctx.sink().suggest(DiagnosticCode.UNKNOWN_ITEM, doc.uri(), at,
                            close.isEmpty() ? List.of() : close.subList(0, 1),
                            close.isEmpty() ? "structure.unknownItem" : "structure.unknownItemDidYouMean", key,
                            close.isEmpty() ? "" : close.get(0));
                }
            }
        }
    }
}
