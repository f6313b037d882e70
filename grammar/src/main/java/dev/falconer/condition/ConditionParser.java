package dev.falconer.condition;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.ListTokenSource;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.Pair;

/**
 * Parses a Falco condition (libs 0.25 / Falco 0.44 syntax) into an immutable AST.
 *
 * <p>{@link ConditionTokenizer} reads the text the way libs does and reports libs' first error
 * (same position, same meaning); the ANTLR parser generated from {@code FalcoCondition.g4} builds
 * the tree from its tokens, recovering from a premature end so that a half-typed condition still
 * yields the part that was read. Static, stateless and thread-safe.
 */
public final class ConditionParser {
    private ConditionParser() {
    }

    public static ParsedCondition parse(String text) {
        if (text == null) {
            text = "";
        }
        ConditionTokenizer.Result lexed = ConditionTokenizer.tokenize(text);
        List<SyntaxError> errors = new ArrayList<>(1);
        if (lexed.error() != null) {
            errors.add(lexed.error());
        }
        if (text.isEmpty()) {
            return new ParsedCondition(text, null, errors);
        }
        ListTokenSource source = new ListTokenSource(lexed.tokens());
        Pair<TokenSource, CharStream> origin = new Pair<>(source, null);
        for (Token t : lexed.tokens()) {
            ((ConditionToken) t).attach(origin);
        }
        FalcoCondition parser = new FalcoCondition(new CommonTokenStream(source));
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        if (lexed.error() == null) {
            parser.setErrorHandler(new ValidInput());
        }
        parser.removeErrorListeners();
        FirstError parserError = new FirstError();
        parser.addErrorListener(parserError);
        BoolExpr root;
        try {
            root = AstBuilder.build(parser.condition().orExpr());
        } catch (StackOverflowError e) {
            // Last resort only: the tokenizer caps nesting so that this cannot happen on a normal stack.
            return new ParsedCondition(text, null, List.of(new SyntaxError(new Span(0, text.length()),
                    ErrorKeys.TOO_DEEP, List.of(String.valueOf(ConditionTokenizer.MAX_DEPTH)))));
        }
        if (errors.isEmpty() && parserError.error != null) {
            errors.add(parserError.error); // the tokenizer should have seen it first; never silently accept
        }
        return new ParsedCondition(text, root, errors);
    }

    /**
     * Error handling for tokens the tokenizer accepted, which the grammar accepts too: ANTLR's
     * {@code sync} checks the lookahead at every loop and sub-rule so that it can recover early,
     * a tenth of the parse, and finds nothing to do on valid input. Should an error still come, it
     * is reported and recovered where the parser meets it.
     */
    private static final class ValidInput extends DefaultErrorStrategy {
        @Override
        public void sync(Parser recognizer) {
            // valid input: nothing to recover from
        }
    }

    /** Keeps the first error ANTLR reports. */
    private static final class FirstError extends BaseErrorListener {
        SyntaxError error;

        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int col, String msg,
                                RecognitionException e) {
            if (error == null) {
                Token t = offendingSymbol instanceof Token tok ? tok : null;
                int start = t == null || t.getStartIndex() < 0 ? 0 : t.getStartIndex();
                int end = t == null || t.getType() == Token.EOF ? start : Math.max(start, t.getStopIndex() + 1);
                error = new SyntaxError(new Span(start, end), ErrorKeys.UNEXPECTED,
                        List.of(t == null ? "" : t.getText()));
            }
        }
    }
}
