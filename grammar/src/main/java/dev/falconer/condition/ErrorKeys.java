package dev.falconer.condition;

/**
 * The message keys of condition syntax errors (texts in {@code messages*.properties}). Each
 * mirrors one of libs' parser errors; the comment gives the arguments.
 */
public final class ErrorKeys {
    private ErrorKeys() {
    }

    /** The condition is empty. */
    public static final String EMPTY = "condition.empty";
    /** Nothing that can start a check. */
    public static final String EXPECTED_CHECK = "condition.expectedCheck";
    /** {0} = {@code and} or {@code or}. */
    public static final String EXPECTED_BLANK_AFTER = "condition.expectedBlankAfter";
    public static final String NOTHING_AFTER = "condition.nothingAfter";
    /** {0} = the last token read. */
    public static final String UNEXPECTED_TOKEN = "condition.unexpectedToken";
    public static final String EXPECTED_RPAREN = "condition.expectedRParen";
    public static final String EXPECTED_OPERATOR = "condition.expectedOperator";
    public static final String EXPECTED_NUMBER = "condition.expectedNumber";
    public static final String EXPECTED_STRING = "condition.expectedString";
    /** A value inside a {@code (…)} list. */
    public static final String EXPECTED_LIST_VALUE = "condition.expectedListValue";
    public static final String EXPECTED_LIST = "condition.expectedList";
    public static final String EXPECTED_FIELD_ARG = "condition.expectedFieldArg";
    public static final String EXPECTED_RBRACKET = "condition.expectedRBracket";
    /** {0} = the transformer name ({@code val}). */
    public static final String EXPECTED_VAL_FIELD = "condition.expectedValField";
    public static final String EXPECTED_TRANSFORMER_RPAREN = "condition.expectedTransformerRParen";
    public static final String EXPECTED_TRANSFORMER_ARG = "condition.expectedTransformerArg";
    public static final String EXPECTED_TRANSFORMER_LIST_ARG = "condition.expectedTransformerListArg";
    public static final String EXPECTED_TRANSFORMER_LIST_RPAREN = "condition.expectedTransformerListRParen";
    /** {0} = the character after the backslash. */
    public static final String BAD_ESCAPE = "condition.badEscape";
    /** {0} = the escaped quote, {1} = the string's own quote. */
    public static final String WRONG_QUOTE_ESCAPE = "condition.wrongQuoteEscape";
    /** {0} = the nesting limit. */
    public static final String TOO_DEEP = "condition.tooDeep";
    /** A parser error the token source did not foresee (should not happen); {0} = the token text. */
    public static final String UNEXPECTED = "condition.unexpected";
}
