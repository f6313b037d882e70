package dev.falconer.condition;

import java.util.List;

/**
 * The result of parsing one condition: the text, the AST ({@code null} only when nothing at all
 * could be recovered, e.g. an empty condition) and the syntax errors (empty when Falco's parser
 * would accept the text).
 */
public record ParsedCondition(String text, BoolExpr root, List<SyntaxError> errors) {
    public ParsedCondition {
        errors = List.copyOf(errors);
    }

    public boolean ok() {
        return errors.isEmpty();
    }
}
