package dev.falconer.condition;

import static dev.falconer.condition.FalcoCondition.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.antlr.v4.runtime.Token;

/**
 * The positional token source of {@code FalcoCondition.g4}. It walks the text the way libs'
 * {@code parser.cpp} (0.25.x) moves its cursor: what a run of characters is depends on where the
 * cursor stands (boolean position, after a field, right-hand side of each operator class, value
 * list, transformer arguments, field argument). A small explicit stack of open groups replaces
 * libs' recursion, so any nesting depth is handled without recursion and capped at
 * {@link #MAX_DEPTH}.
 *
 * <p>The first error is exactly libs' error (same cursor position, same message). After it the
 * tokenizer stops, handing the parser what was read so far; for the common half-typed shapes
 * (a field name ending in a dot, a quoted string not yet closed) it first emits that partial
 * token so the recovered tree still shows it.
 */
final class ConditionTokenizer {
    /**
     * Nesting limit (parentheses, {@code not(}, transformers, transformer lists). libs 0.25.4 has
     * no effective limit; libs master enforces Falco's recursion limit of 1000, which allows 199
     * nested parentheses. 256 keeps the ANTLR parse (about 1 KB of stack per parenthesis) well
     * inside a 512 KB thread stack. The choice is documented in docs/diagnostics.md ("Condition grammar").
     */
    static final int MAX_DEPTH = 256;

    private static final String[] NUM_OPS = {"<=", "<", ">=", ">"};
    private static final String[] SYMBOL_STR_OPS = {"==", "=", "!="};
    private static final String[] WORD_STR_OPS = {"glob", "iglob", "contains", "icontains", "bcontains",
        "startswith", "bstartswith", "endswith", "regex"};
    private static final String[] LIST_OPS = {"intersects", "in", "pmatch"};
    private static final String[] TRANSFORMERS = {"tolower", "toupper", "b64", "basename", "len", "join",
        "concat", "getopt"};
    private static final String[] MODIFIERS = {"oneof", "anyof", "allof"};
    /** The first letters of {@link #TRANSFORMERS}: most words at a check's start cannot begin one. */
    private static final boolean[] TRANSFORMER_INITIAL = initials(TRANSFORMERS);

    // Where the cursor stands (named after the libs function that would be running).
    private static final int NOT_START = 0;     // parse_not
    private static final int CHECK = 1;         // parse_check
    private static final int AFTER_NOT = 2;     // parse_and loop
    private static final int AFTER_AND = 3;     // parse_or loop
    private static final int END_GROUP = 4;     // end of parse_or: ')' or end of input
    private static final int CONDITION = 5;     // parse_condition
    private static final int NUM_RHS = 6;
    private static final int STR_RHS = 7;
    private static final int LIST_RHS = 8;
    private static final int MOD_LIST_RHS = 9;  // after a modifier
    private static final int LIST_FIRST = 10;
    private static final int LIST_AFTER_VALUE = 11;
    private static final int LIST_NEXT = 12;
    private static final int LIST_CLOSE = 13;
    private static final int TARG = 14;         // parse_field_transformer_arg
    private static final int TARG_AFTER = 15;
    private static final int TLIST_FIRST = 16;
    private static final int TLIST_ARG = 17;
    private static final int TLIST_AFTER = 18;
    private static final int DONE = 19;

    // Open groups on the stack.
    private static final int G_TOP = 0;
    private static final int G_PAREN = 1;       // '(' in boolean position, also after `not(` / `and(`
    private static final int G_OR = 2;          // `or(`: after its ')' only `or` may follow
    private static final int G_TRANSFORMER = 3;
    private static final int G_TLIST = 4;

    /** The tokens (ending with EOF) and the first error, if any. */
    record Result(List<Token> tokens, SyntaxError error) {
    }

    private final String s;
    private final int n;
    private int pos;
    /** libs' {@code m_last_token}: quoted in "unexpected token after '…'". */
    private String last = "";
    private final List<Token> tokens;
    private SyntaxError error;
    private int[] groups = new int[8];
    private int[] returns = new int[8];
    private int depth;
    private int state = NOT_START;
    /** For STR_RHS: whether a blank separated the operator from what follows (modifier rule). */
    private boolean blankAfterOp;

    private ConditionTokenizer(String text) {
        this.s = text;
        this.n = text.length();
        this.tokens = new ArrayList<>(Math.max(8, n / 4));
    }

    static Result tokenize(String text) {
        ConditionTokenizer t = new ConditionTokenizer(text);
        t.run();
        return new Result(t.tokens, t.error);
    }

    private void run() {
        if (n == 0) {
            error = new SyntaxError(new Span(0, 0), ErrorKeys.EMPTY, List.of());
        } else {
            groups[0] = G_TOP;
            depth = 1;
            while (state != DONE) {
                step();
            }
        }
        ConditionToken eof = new ConditionToken(Token.EOF, "<EOF>", n, n, "", false);
        tokens.add(eof);
    }

    private void step() {
        switch (state) {
            case NOT_START -> notStart();
            case CHECK -> check();
            case AFTER_NOT -> afterOperand("and", AND, AND_PAREN, G_PAREN, AFTER_AND);
            case AFTER_AND -> afterOperand("or", OR, OR_PAREN, G_OR, END_GROUP);
            case END_GROUP -> endGroup();
            case CONDITION -> condition();
            case NUM_RHS -> numRhs();
            case STR_RHS -> strRhs();
            case LIST_RHS -> listRhs();
            case MOD_LIST_RHS -> modifierListRhs();
            case LIST_FIRST -> listFirst();
            case LIST_AFTER_VALUE -> listAfterValue();
            case LIST_NEXT -> listNext();
            case LIST_CLOSE -> listClose();
            case TARG -> transformerArg();
            case TARG_AFTER -> transformerArgAfter();
            case TLIST_FIRST -> transformerListFirst();
            case TLIST_ARG -> transformerListArg();
            case TLIST_AFTER -> transformerListAfter();
            default -> throw new IllegalStateException("state " + state);
        }
    }

    // ---- boolean level -------------------------------------------------------------------

    private void notStart() {
        skipBlanks();
        int e;
        while ((e = Lexicon.matchNotPrefix(s, pos)) >= 0) {
            emit(NOT, pos, pos + 3, "not");
            last = s.substring(pos, e);
            pos = e;
        }
        if (s.startsWith("not(", pos)) {
            if (push(G_PAREN, AFTER_NOT)) {
                emit(NOT_PAREN, pos, pos + 4, "not(");
                last = "not(";
                pos += 4;
                state = NOT_START;
            }
            return;
        }
        state = CHECK;
    }

    private void check() {
        skipBlanks();
        if (is('(')) {
            if (push(G_PAREN, AFTER_NOT)) {
                emitLiteral(LPAREN, "(");
                state = NOT_START;
            }
            return;
        }
        int e = Lexicon.matchFieldName(s, pos);
        if (e >= 0) {
            field(e, CONDITION);
            return;
        }
        if (transformerStart(CONDITION)) {
            return;
        }
        e = Lexicon.matchIdentifier(s, pos);
        if (e >= 0) {
            if (e < n && s.charAt(e) == '.') {
                // libs reads the identifier and then stumbles on the dot; keep the half-typed field.
                last = s.substring(pos, e);
                failAt(e, groups[depth - 1] == G_TOP ? ErrorKeys.UNEXPECTED_TOKEN : ErrorKeys.EXPECTED_RPAREN,
                        groups[depth - 1] == G_TOP ? List.of(last) : List.of());
                int end = Lexicon.matchPartialFieldName(s, pos);
                emit(FIELD, pos, end, s.substring(pos, end));
                return;
            }
            emitValue(IDENT, e);
            state = AFTER_NOT;
            return;
        }
        fail(ErrorKeys.EXPECTED_CHECK);
    }

    /** The loops of parse_and / parse_or: a keyword needs a blank or '(' right after it. */
    private void afterOperand(String keyword, int blankType, int parenType, int group, int next) {
        skipBlanks();
        if (!s.startsWith(keyword, pos)) {
            state = next;
            return;
        }
        int k = pos;
        int e = pos + keyword.length();
        last = keyword;
        if (e < n && Lexicon.isBlank(s.charAt(e))) {
            emit(blankType, k, e, keyword);
            pos = e;
            state = NOT_START;
        } else if (e < n && s.charAt(e) == '(') {
            pos = e;
            if (push(group, AFTER_NOT)) {
                emit(parenType, k, e + 1, keyword);
                last = "(";
                pos = e + 1;
                state = NOT_START;
            }
        } else {
            emit(blankType, k, e, keyword);
            // at the end: what is missing is the next check (YAML drops the blank just typed after 'and')
            failAt(e, e >= n ? ErrorKeys.NOTHING_AFTER : ErrorKeys.EXPECTED_BLANK_AFTER, List.of(keyword));
        }
    }

    private void endGroup() {
        int g = groups[depth - 1];
        if (g == G_TOP) {
            if (pos == n) {
                state = DONE;
            } else {
                fail(ErrorKeys.UNEXPECTED_TOKEN, last);
            }
            return;
        }
        if (is(')')) {
            emitLiteral(RPAREN, ")");
            pop();
            state = g == G_OR ? AFTER_AND : AFTER_NOT;
        } else {
            fail(ErrorKeys.EXPECTED_RPAREN);
        }
    }

    // ---- checks --------------------------------------------------------------------------

    private void condition() {
        skipBlanks();
        if (s.startsWith("exists", pos)) {
            emitOperator(EXISTS, "exists", 6);
            state = AFTER_NOT;
            return;
        }
        if (operator(NUM_OPS, NUM_OP, NUM_RHS)) {
            return;
        }
        if (operator(SYMBOL_STR_OPS, STR_OP, STR_RHS)) {
            blankAfterOp = pos < n && Lexicon.isBlank(s.charAt(pos));
            return;
        }
        for (String op : WORD_STR_OPS) {
            if (s.startsWith(op, pos)) {
                int e = pos + op.length();
                if (e < n && Lexicon.isBlank(s.charAt(e))) {
                    emitOperator(STR_OP, op, op.length());
                    skipBlanks();
                    blankAfterOp = true;
                    state = STR_RHS;
                    return;
                }
                break; // a word operator without its blank is no operator (libs stops looking here)
            }
        }
        if (operator(LIST_OPS, LIST_OP, LIST_RHS)) {
            return;
        }
        fail(ErrorKeys.EXPECTED_OPERATOR);
    }

    /** The first of {@code ops} at the cursor (table order, as libs tries them), then {@code next}. */
    private boolean operator(String[] ops, int type, int next) {
        for (String op : ops) {
            if (s.startsWith(op, pos)) {
                emitOperator(type, op, op.length());
                state = next;
                return true;
            }
        }
        return false;
    }

    private void numRhs() {
        skipBlanks();
        if (transformerOrVal(AFTER_NOT)) {
            return;
        }
        if (number()) {
            state = AFTER_NOT;
            return;
        }
        fail(ErrorKeys.EXPECTED_NUMBER);
    }

    private void strRhs() {
        if (modifier()) {
            state = MOD_LIST_RHS;
            return;
        }
        skipBlanks();
        if (transformerOrVal(AFTER_NOT)) {
            return;
        }
        value(AFTER_NOT, ErrorKeys.EXPECTED_STRING);
    }

    /**
     * libs 0.25: after a string operator, {@code oneof}/{@code anyof}/{@code allof} is a modifier
     * only when blanks surround it and a '(' or a word follows that is not the keyword
     * {@code and}/{@code or}/{@code not} (a keyword ends at a non-alphanumeric character, so
     * {@code not_list} counts as the keyword too).
     */
    private boolean modifier() {
        if (!blankAfterOp) {
            return false;
        }
        int q = pos;
        while (q < n && Lexicon.isBlank(s.charAt(q))) {
            q++;
        }
        for (String m : MODIFIERS) {
            if (!s.startsWith(m, q)) {
                continue;
            }
            int t = q + m.length();
            if (t >= n || !Lexicon.isBlank(s.charAt(t))) {
                return false;
            }
            while (t < n && Lexicon.isBlank(s.charAt(t))) {
                t++;
            }
            if (t >= n || !(s.charAt(t) == '(' || Lexicon.isLetter(s.charAt(t)))
                    || Lexicon.isKeywordAt(s, t, "and") || Lexicon.isKeywordAt(s, t, "or")
                    || Lexicon.isKeywordAt(s, t, "not")) {
                return false;
            }
            emit(MODIFIER, q, q + m.length(), m);
            last = m;
            pos = t;
            return true;
        }
        return false;
    }

    private void modifierListRhs() {
        if (!openList()) {
            identValue(); // the modifier rule guarantees a letter here
        }
    }

    private void listRhs() {
        skipBlanks();
        if (openList()) {
            return;
        }
        if (transformerOrVal(AFTER_NOT)) {
            return;
        }
        if (Lexicon.matchIdentifier(s, pos) >= 0) {
            identValue();
            return;
        }
        fail(ErrorKeys.EXPECTED_LIST);
    }

    /** A '(' at the cursor opens a value list. */
    private boolean openList() {
        if (!is('(')) {
            return false;
        }
        emitLiteral(LPAREN, "(");
        state = LIST_FIRST;
        return true;
    }

    private void identValue() {
        int e = Lexicon.matchIdentifier(s, pos);
        emitValue(IDENT, e);
        state = AFTER_NOT;
    }

    private void listFirst() {
        skipBlanks();
        if (QuotedString.isQuote(cur())) {
            int e = QuotedString.scan(s, pos);
            if (e >= 0) {
                QuotedString.Decoded d = QuotedString.decode(s, pos, e);
                if (d.ok()) {
                    emitDecoded(QUOTED, e, d);
                    state = LIST_AFTER_VALUE;
                } else {
                    pos = e; // libs swallows this error: the list is then taken as empty
                    state = LIST_CLOSE;
                }
                return;
            }
            state = LIST_CLOSE;
            if (cur() != ')') {
                fail(ErrorKeys.EXPECTED_RPAREN);
                emitUnclosedQuote();
            }
            return;
        }
        int e = Lexicon.matchBare(s, pos);
        if (e >= 0) {
            emitValue(BARE, e);
            state = LIST_AFTER_VALUE;
        } else {
            state = LIST_CLOSE;
        }
    }

    private void listAfterValue() {
        skipBlanks();
        if (is(',')) {
            emitLiteral(COMMA, ",");
            state = LIST_NEXT;
        } else {
            state = LIST_CLOSE;
        }
    }

    private void listNext() {
        skipBlanks();
        value(LIST_AFTER_VALUE, ErrorKeys.EXPECTED_LIST_VALUE);
    }

    /**
     * A quoted or bare value at the cursor, then {@code next}; without one, fails with
     * {@code errorKey} (keeping a quoted string still being typed as a value token).
     */
    private void value(int next, String errorKey) {
        if (closedQuoted(next)) {
            return;
        }
        if (QuotedString.isQuote(cur())) {
            fail(errorKey);
            emitUnclosedQuote();
            return;
        }
        int e = Lexicon.matchBare(s, pos);
        if (e >= 0) {
            emitValue(BARE, e);
            state = next;
            return;
        }
        fail(errorKey);
    }

    private void listClose() {
        if (is(')')) {
            emitLiteral(RPAREN, ")");
            state = AFTER_NOT;
        } else {
            fail(ErrorKeys.EXPECTED_RPAREN);
        }
    }

    // ---- fields and transformers -----------------------------------------------------------

    /** A field name ending at {@code e}, its optional {@code [arg]}, then {@code next}. */
    private void field(int e, int next) {
        emitValue(FIELD, e);
        if (fieldArgument()) {
            state = next;
        }
    }

    /** An optional {@code [arg]} right at the cursor; false after an error. */
    private boolean fieldArgument() {
        if (!is('[')) {
            return true;
        }
        emitLiteral(LBRACK, "[");
        if (QuotedString.isQuote(cur())) {
            int e = QuotedString.scan(s, pos);
            if (e >= 0) {
                if (!quoted(FIELD_ARG, e)) {
                    return false;
                }
            } else {
                return failed(ErrorKeys.EXPECTED_FIELD_ARG);
            }
        } else {
            int e = Lexicon.matchFieldArgBare(s, pos);
            if (e < 0) {
                return failed(ErrorKeys.EXPECTED_FIELD_ARG);
            }
            emitValue(FIELD_ARG, e);
        }
        if (!is(']')) {
            return failed(ErrorKeys.EXPECTED_RBRACKET);
        }
        emitLiteral(RBRACK, "]");
        return true;
    }

    /** try_parse_transformer_or_val: {@code val(field)} or a transformer, on a right-hand side. */
    private boolean transformerOrVal(int ret) {
        if (s.startsWith("val(", pos)) {
            emit(VAL, pos, pos + 3, "val");
            pos += 3;
            emitLiteral(LPAREN, "(");
            last = "val";
            skipBlanks();
            int e = Lexicon.matchFieldName(s, pos);
            if (e < 0) {
                fail(ErrorKeys.EXPECTED_VAL_FIELD, "val");
                emitPartialField();
                return true;
            }
            emitValue(FIELD, e);
            if (!fieldArgument()) {
                return true;
            }
            skipBlanks();
            if (!is(')')) {
                fail(ErrorKeys.EXPECTED_TRANSFORMER_RPAREN);
                return true;
            }
            emitLiteral(RPAREN, ")");
            if (fieldArgument()) {
                state = ret;
            }
            return true;
        }
        return transformerStart(ret);
    }

    /** A transformer name glued to '(' at the cursor: opens its argument list. */
    private boolean transformerStart(int ret) {
        char c = cur();
        if (c >= TRANSFORMER_INITIAL.length || !TRANSFORMER_INITIAL[c]) {
            return false;
        }
        for (String t : TRANSFORMERS) {
            if (s.startsWith(t, pos) && pos + t.length() < n && s.charAt(pos + t.length()) == '(') {
                if (!push(G_TRANSFORMER, ret)) {
                    return true;
                }
                emit(TRANSFORMER, pos, pos + t.length(), t);
                pos += t.length();
                emitLiteral(LPAREN, "(");
                last = t;
                state = TARG; // which starts by skipping blanks, as libs does after the '('
                return true;
            }
        }
        return false;
    }

    private void transformerArg() {
        skipBlanks();
        if (number()) {
            state = TARG_AFTER;
            return;
        }
        if (closedQuoted(TARG_AFTER)) {
            return;
        }
        if (is('(')) {
            if (push(G_TLIST, TARG_AFTER)) {
                emitLiteral(LPAREN, "(");
                state = TLIST_FIRST;
            }
            return;
        }
        if (transformerStart(TARG_AFTER)) {
            return;
        }
        int e = Lexicon.matchFieldName(s, pos);
        if (e >= 0) {
            field(e, TARG_AFTER);
            return;
        }
        fail(ErrorKeys.EXPECTED_TRANSFORMER_ARG);
        emitPartialField();
    }

    private void transformerArgAfter() {
        skipBlanks();
        if (is(',')) {
            emitLiteral(COMMA, ",");
            state = TARG;
            return;
        }
        if (!is(')')) {
            fail(ErrorKeys.EXPECTED_TRANSFORMER_RPAREN);
            return;
        }
        emitLiteral(RPAREN, ")");
        int ret = returns[depth - 1];
        pop();
        if (fieldArgument()) {
            state = ret;
        }
    }

    private void transformerListFirst() {
        skipBlanks();
        if (!closeTransformerList()) {
            state = TLIST_ARG;
        }
    }

    /** A ')' at the cursor closes the transformer list and returns to where it was opened. */
    private boolean closeTransformerList() {
        if (!is(')')) {
            return false;
        }
        emitLiteral(RPAREN, ")");
        state = returns[depth - 1];
        pop();
        return true;
    }

    private void transformerListArg() {
        int e = Lexicon.matchFieldName(s, pos);
        if (e >= 0) {
            field(e, TLIST_AFTER);
            return;
        }
        if (transformerStart(TLIST_AFTER)) {
            return;
        }
        if (closedQuoted(TLIST_AFTER)) {
            return;
        }
        if (number()) {
            state = TLIST_AFTER;
            return;
        }
        fail(ErrorKeys.EXPECTED_TRANSFORMER_LIST_ARG);
        emitPartialField();
    }

    private void transformerListAfter() {
        skipBlanks();
        if (is(',')) {
            emitLiteral(COMMA, ",");
            skipBlanks();
            state = TLIST_ARG;
            return;
        }
        if (closeTransformerList()) {
            return;
        }
        fail(ErrorKeys.EXPECTED_TRANSFORMER_LIST_RPAREN);
    }

    // ---- primitives ------------------------------------------------------------------------

    /** A hex number or a number (libs tries hex first, so {@code 0x1Fand} reads {@code 0x1Fa}). */
    private boolean number() {
        int e = Lexicon.matchHex(s, pos);
        if (e < 0) {
            e = Lexicon.matchNumber(s, pos);
        }
        if (e < 0) {
            return false;
        }
        emitValue(NUMBER, e);
        return true;
    }

    /**
     * A closed quoted string at the cursor, then {@code next}; false (nothing read) when the cursor
     * is not at one. A bad escape still counts as read: it has failed.
     */
    private boolean closedQuoted(int next) {
        if (!QuotedString.isQuote(cur())) {
            return false;
        }
        int e = QuotedString.scan(s, pos);
        if (e < 0) {
            return false;
        }
        if (quoted(QUOTED, e)) {
            state = next;
        }
        return true;
    }

    /** A closed quoted string ending at {@code e}; on a bad escape, fails after the closing quote. */
    private boolean quoted(int type, int e) {
        QuotedString.Decoded d = QuotedString.decode(s, pos, e);
        if (!d.ok()) {
            failAt(e, d.errorKey(), d.errorArgs());
            return false;
        }
        emitDecoded(type, e, d);
        return true;
    }

    private void emitDecoded(int type, int e, QuotedString.Decoded d) {
        tokens.add(new ConditionToken(type, s.substring(pos, e), pos, e, d.value(), true));
        last = d.value();
        pos = e;
    }

    private void emitValue(int type, int e) {
        String text = s.substring(pos, e);
        emit(type, pos, e, text);
        last = text;
        pos = e;
    }

    private void emitOperator(int type, String op, int length) {
        emit(type, pos, pos + length, op);
        last = op;
        pos += length;
    }

    private void emitLiteral(int type, String literal) {
        emit(type, pos, pos + 1, literal);
        last = literal;
        pos++;
    }

    private void emit(int type, int start, int end, String value) {
        // the value is most often the token's very text: not copied out of the condition again
        String text = value.length() == end - start && s.startsWith(value, start) ? value : s.substring(start, end);
        tokens.add(new ConditionToken(type, text, start, end, value, false));
    }

    private static boolean[] initials(String[] words) {
        boolean[] initial = new boolean[128];
        for (String w : words) {
            initial[w.charAt(0)] = true;
        }
        return initial;
    }

    /** Recovery: a quoted string still being typed becomes a value token up to the end. */
    private void emitUnclosedQuote() {
        tokens.add(new ConditionToken(QUOTED, s.substring(pos), pos, n, QuotedString.lenientValue(s, pos), true));
    }

    /** Recovery: a field name still being typed ({@code proc.}) becomes a field token. */
    private void emitPartialField() {
        int e = Lexicon.matchPartialFieldName(s, pos);
        if (e >= 0) {
            emit(FIELD, pos, e, s.substring(pos, e));
        }
    }

    private boolean is(char c) {
        return pos < n && s.charAt(pos) == c;
    }

    private char cur() {
        return pos < n ? s.charAt(pos) : '\0';
    }

    private void skipBlanks() {
        while (pos < n && Lexicon.isBlank(s.charAt(pos))) {
            pos++;
        }
    }

    private boolean push(int group, int ret) {
        if (depth > MAX_DEPTH) {
            fail(ErrorKeys.TOO_DEEP, String.valueOf(MAX_DEPTH));
            return false;
        }
        if (depth == groups.length) {
            groups = Arrays.copyOf(groups, depth * 2);
            returns = Arrays.copyOf(returns, depth * 2);
        }
        groups[depth] = group;
        returns[depth] = ret;
        depth++;
        return true;
    }

    private void pop() {
        depth--;
    }

    private void fail(String key, String... args) {
        failAt(pos, key, List.of(args));
    }

    private boolean failed(String key) {
        fail(key);
        return false;
    }

    /** Records libs' error at {@code at} and stops; the span runs to the end of the offending word. */
    private void failAt(int at, String key, List<String> args) {
        int end = at;
        while (end < n && !Lexicon.isBlank(s.charAt(end))) {
            end++;
        }
        error = new SyntaxError(new Span(at, end), key, args);
        state = DONE;
    }
}
