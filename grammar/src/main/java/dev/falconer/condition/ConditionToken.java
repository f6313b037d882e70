package dev.falconer.condition;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.misc.Pair;

/** A token of {@link ConditionTokenizer}: its text plus the decoded value (unescaped for quoted strings). */
final class ConditionToken extends CommonToken {
    private static final long serialVersionUID = 1L;

    private final String value;
    private final boolean quoted;

    ConditionToken(int type, String text, int start, int end, String value, boolean quoted) {
        super(type, text);
        setStartIndex(start);
        setStopIndex(end - 1);
        this.value = value;
        this.quoted = quoted;
    }

    /** ANTLR's error recovery asks a token for its source when it conjures a missing one. */
    void attach(Pair<TokenSource, CharStream> source) {
        this.source = source;
    }

    String value() {
        return value;
    }

    boolean quoted() {
        return quoted;
    }

    Span span() {
        return new Span(getStartIndex(), getStopIndex() + 1);
    }
}
