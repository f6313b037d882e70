package dev.falconer.rules;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.falconer.text.TextSpan;

import java.util.Arrays;

/**
 * Re-scans the raw text of a scalar the way SnakeYAML's scanner decodes it (folding, escapes,
 * indentation, chomping), recording for every produced character the document range it came
 * from. The result is checked against the value SnakeYAML produced; on a mismatch the map falls
 * back to an approximate one instead of failing.
 */
final class ScalarSourceMapper {
    private final String raw;
    private final int base;
    private final StringBuilder out = new StringBuilder();
    private int[] starts = new int[32];
    private int[] ends = new int[32];
    private int pos;
    /** Raw offset just after the last consumed content character. */
    private int contentEnd;
    /** Block scalars: pending empty-line breaks and the start of the current line. */
    private int[] breaks = new int[8];
    private int breakCount;
    private int lineStart;

    private ScalarSourceMapper(String raw, int base) {
        this.raw = raw;
        this.base = base;
    }

    /** Scalar text (raw, decoded, style, length) to its map placed at offset 0. */
    private record Shape(String raw, String value, ScalarStyle style, int length) {
    }

    /** About 10 MB of maps at most (two ints per character); then it starts afresh. */
    private static final long MAX_REMEMBERED_CHARS = 1_000_000;
    private static final java.util.concurrent.atomic.AtomicLong REMEMBERED_CHARS = new java.util.concurrent.atomic.AtomicLong();
    /**
     * Maps by scalar text: after an edit every item below it moves, and its scalars are rebuilt at
     * new offsets with the same text; their maps are the same, shifted.
     */
    private static final Map<Shape, SourceMap> REMEMBERED = new ConcurrentHashMap<>();

    static SourceMap map(YamlScalar scalar) {
        TextSpan span = scalar.span();
        if (scalar.raw().length() < 16) {
            return compute(scalar); // cheaper than a lookup
        }
        if (REMEMBERED_CHARS.get() > MAX_REMEMBERED_CHARS) {
            REMEMBERED.clear();
            REMEMBERED_CHARS.set(0);
        }
        SourceMap atZero = REMEMBERED.computeIfAbsent(
                new Shape(scalar.raw(), scalar.value(), scalar.style(), span.length()), k -> {
                    REMEMBERED_CHARS.addAndGet(k.raw().length() + k.value().length());
                    return compute(new YamlScalar(k.value(), k.style(), null, new TextSpan(0, k.length()), k.raw()));
                });
        return atZero.placedAt(span);
    }

    private static SourceMap compute(YamlScalar scalar) {
        String raw = scalar.raw();
        int base = scalar.span().start();
        if (raw.isEmpty() && scalar.value().isEmpty()) {
            return new SourceMap("", new int[0], new int[0], scalar.span(), base, true);
        }
        if (!raw.isEmpty()) {
            if (scalar.style().isBlock()) {
                SourceMap block = mapBlock(scalar, raw, base);
                if (block != null) {
                    return block;
                }
            } else {
                ScalarSourceMapper m = new ScalarSourceMapper(raw, base);
                try {
                    switch (scalar.style()) {
                        case PLAIN -> m.scanPlain();
                        case SINGLE_QUOTED -> m.scanQuoted(false);
                        case DOUBLE_QUOTED -> m.scanQuoted(true);
                        default -> throw new IllegalStateException();
                    }
                    if (m.out.toString().equals(scalar.value())) {
                        return m.result(scalar, true);
                    }
                } catch (RuntimeException ignored) {
                    // fall through to the approximate map: a source map never fails a request
                }
            }
        }
        return approximate(scalar);
    }

    private static SourceMap mapBlock(YamlScalar scalar, String raw, int base) {
        int[] header = blockHeader(raw);
        int explicit = header[1];
        int firstLeading = header[2];
        int auto = header[3];
        int[] candidates;
        if (explicit > 0) {
            candidates = new int[Math.max(1, firstLeading)];
            for (int i = 0; i < candidates.length; i++) {
                candidates[i] = firstLeading - i;
            }
        } else {
            candidates = new int[Math.max(1, auto)];
            for (int i = 0; i < candidates.length; i++) {
                candidates[i] = auto - i;
            }
        }
        for (int indent : candidates) {
            if (indent < 1 && !scalar.value().isEmpty()) {
                continue;
            }
            ScalarSourceMapper m = new ScalarSourceMapper(raw, base);
            try {
                m.scanBlock(scalar.style() == ScalarStyle.FOLDED, header[0], Math.max(indent, 1), header[4]);
                if (m.out.toString().equals(scalar.value())) {
                    return m.result(scalar, true);
                }
            } catch (RuntimeException ignored) {
                // try the next indentation
            }
        }
        return null;
    }

    /**
     * Returns {chomping ('-', '+' or ' '), explicit indent or 0, leading spaces of the first
     * non-blank content line, SnakeYAML's auto-detected indent, raw offset after the header}.
     */
    private static int[] blockHeader(String raw) {
        int p = 1;
        int chomp = ' ';
        int explicit = 0;
        for (int k = 0; k < 2 && p < raw.length(); k++) {
            char c = raw.charAt(p);
            if ((c == '+' || c == '-') && chomp == ' ') {
                chomp = c;
                p++;
            } else if (c >= '1' && c <= '9' && explicit == 0) {
                explicit = c - '0';
                p++;
            }
        }
        while (p < raw.length() && !isBreak(raw.charAt(p))) {
            p++;
        }
        p += breakLength(raw, p);
        int afterHeader = p;
        int maxIndent = 0;
        int firstLeading = 0;
        int q = p;
        while (q < raw.length()) {
            int lineStart = q;
            while (q < raw.length() && raw.charAt(q) == ' ') {
                q++;
            }
            int leading = q - lineStart;
            if (q < raw.length() && isBreak(raw.charAt(q))) {
                maxIndent = Math.max(maxIndent, leading);
                q += breakLength(raw, q);
                continue;
            }
            firstLeading = leading;
            maxIndent = Math.max(maxIndent, leading);
            break;
        }
        return new int[] {chomp, explicit, firstLeading, maxIndent, afterHeader};
    }

    private void scanBlock(boolean folded, int chomp, int indent, int afterHeader) {
        pos = afterHeader;
        contentEnd = afterHeader;
        blockBreaks(indent);
        int lineBreakAt = -1;
        char lineBreak = 0;
        while (pos - lineStart == indent && pos < raw.length()) {
            emitBreaks();
            char first = raw.charAt(pos);
            boolean leadingNonSpace = first != ' ' && first != '\t';
            while (pos < raw.length() && !isBreak(raw.charAt(pos))) {
                emit(raw.charAt(pos), pos, pos + 1);
                pos++;
            }
            contentEnd = pos;
            if (pos < raw.length()) {
                lineBreakAt = pos;
                lineBreak = breakValue(raw.charAt(pos));
                pos += breakLength(raw, pos);
            } else {
                lineBreakAt = -1;
            }
            blockBreaks(indent);
            if (lineBreakAt >= 0 && pos - lineStart == indent && pos < raw.length()) {
                char next = raw.charAt(pos);
                if (folded && lineBreak == '\n' && leadingNonSpace && next != ' ' && next != '\t') {
                    if (breakCount == 0) {
                        emit(' ', lineBreakAt, lineBreakAt + breakLength(raw, lineBreakAt));
                    }
                } else {
                    emit(lineBreak, lineBreakAt, lineBreakAt + breakLength(raw, lineBreakAt));
                }
            } else {
                break;
            }
        }
        if (chomp != '-' && lineBreakAt >= 0) {
            emit(lineBreak, lineBreakAt, lineBreakAt + breakLength(raw, lineBreakAt));
        }
        if (chomp == '+') {
            emitBreaks();
        }
    }

    /** Consumes indentation and empty lines of a block scalar, recording each break's offset. */
    private void blockBreaks(int indent) {
        breakCount = 0;
        lineStart = lineStartOf(pos);
        while (pos - lineStart < indent && pos < raw.length() && raw.charAt(pos) == ' ') {
            pos++;
        }
        while (pos < raw.length() && isBreak(raw.charAt(pos))) {
            if (breakCount == breaks.length) {
                breaks = Arrays.copyOf(breaks, breakCount * 2);
            }
            breaks[breakCount++] = pos;
            pos += breakLength(raw, pos);
            lineStart = pos;
            while (pos - lineStart < indent && pos < raw.length() && raw.charAt(pos) == ' ') {
                pos++;
            }
        }
    }

    private int lineStartOf(int p) {
        int i = p;
        while (i > 0 && !isBreak(raw.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    private void emitBreaks() {
        for (int i = 0; i < breakCount; i++) {
            int at = breaks[i];
            emit(breakValue(raw.charAt(at)), at, at + breakLength(raw, at));
        }
    }

    private void scanPlain() {
        pos = skipProperties(0);
        while (pos < raw.length()) {
            while (pos < raw.length() && !isBlank(raw.charAt(pos)) && !isBreak(raw.charAt(pos))) {
                emit(raw.charAt(pos), pos, pos + 1);
                pos++;
            }
            contentEnd = pos;
            if (pos >= raw.length()) {
                break;
            }
            foldSpaces(false);
        }
    }

    /** Skips an explicit tag or anchor written before a plain scalar (e.g. {@code != x}). */
    private int skipProperties(int p) {
        while (p < raw.length() && (raw.charAt(p) == '!' || raw.charAt(p) == '&')) {
            while (p < raw.length() && !isBlank(raw.charAt(p)) && !isBreak(raw.charAt(p))) {
                p++;
            }
            while (p < raw.length() && (isBlank(raw.charAt(p)) || isBreak(raw.charAt(p)))) {
                p++;
            }
        }
        return p;
    }

    private void scanQuoted(boolean dbl) {
        char quote = dbl ? '"' : '\'';
        pos = raw.indexOf(quote);
        if (pos < 0) {
            throw new IllegalStateException("no quote");
        }
        pos++;
        contentEnd = pos;
        while (pos < raw.length()) {
            char c = raw.charAt(pos);
            if (!dbl && c == '\'' && pos + 1 < raw.length() && raw.charAt(pos + 1) == '\'') {
                emit('\'', pos, pos + 2);
                pos += 2;
            } else if (c == quote) {
                contentEnd = pos;
                return;
            } else if (dbl && c == '\\') {
                escape();
            } else if (isBlank(c) || isBreak(c)) {
                foldSpaces(true);
                continue;
            } else {
                emit(c, pos, pos + 1);
                pos++;
            }
            contentEnd = pos;
        }
    }

    private void escape() {
        int start = pos;
        char e = pos + 1 < raw.length() ? raw.charAt(pos + 1) : 0;
        int len = switch (e) {
            case 'x' -> 2;
            case 'u' -> 4;
            case 'U' -> 8;
            default -> 0;
        };
        if (len > 0) {
            int cp = Integer.parseInt(raw.substring(pos + 2, pos + 2 + len), 16);
            pos += 2 + len;
            for (char ch : Character.toChars(cp)) {
                emit(ch, start, pos);
            }
            return;
        }
        if (isBreak(e)) {
            pos += 1 + breakLength(raw, pos + 1);
            flowBreaks();
            return;
        }
        char v = switch (e) {
            case '0' -> '\0';
            case 'a' -> '\u0007';
            case 'b' -> '\b';
            case 't', '\t' -> '\t';
            case 'n' -> '\n';
            case 'v' -> '\u000B';
            case 'f' -> '\f';
            case 'r' -> '\r';
            case 'e' -> '\u001B';
            case ' ' -> ' ';
            case '"' -> '"';
            case '\'' -> '\''; // yaml-cpp's, which YamlCppEscapes adds to SnakeYAML
            case '/' -> '/';
            case '\\' -> '\\';
            case 'N' -> '\u0085';
            case '_' -> '\u00A0';
            case 'L' -> '\u2028';
            case 'P' -> '\u2029';
            default -> throw new IllegalStateException("bad escape");
        };
        pos += 2;
        emit(v, start, pos);
    }

    /** Whitespace run inside a plain or quoted scalar; folds it when a line break follows. */
    private void foldSpaces(boolean quoted) {
        int wsStart = pos;
        while (pos < raw.length() && isBlank(raw.charAt(pos))) {
            pos++;
        }
        if (pos >= raw.length() || !isBreak(raw.charAt(pos))) {
            if (!quoted && pos >= raw.length()) {
                return;
            }
            for (int i = wsStart; i < pos; i++) {
                emit(raw.charAt(i), i, i + 1);
            }
            return;
        }
        int breakAt = pos;
        char lineBreak = breakValue(raw.charAt(pos));
        pos += breakLength(raw, pos);
        int[] collected = collectBreaks();
        if (lineBreak != '\n') {
            emit(lineBreak, breakAt, breakAt + breakLength(raw, breakAt));
        } else if (collected.length == 0) {
            emit(' ', breakAt, breakAt + breakLength(raw, breakAt));
        }
        for (int at : collected) {
            emit(breakValue(raw.charAt(at)), at, at + breakLength(raw, at));
        }
    }

    private void flowBreaks() {
        for (int at : collectBreaks()) {
            emit(breakValue(raw.charAt(at)), at, at + breakLength(raw, at));
        }
    }

    /** Skips leading blanks of continuation lines, returning the offsets of extra line breaks. */
    private int[] collectBreaks() {
        int[] found = new int[0];
        while (pos < raw.length()) {
            char c = raw.charAt(pos);
            if (c == ' ' || c == '\t') {
                pos++;
            } else if (isBreak(c)) {
                found = Arrays.copyOf(found, found.length + 1);
                found[found.length - 1] = pos;
                pos += breakLength(raw, pos);
            } else {
                break;
            }
        }
        return found;
    }

    private void emit(char c, int rawStart, int rawEnd) {
        int n = out.length();
        if (n == starts.length) {
            starts = Arrays.copyOf(starts, n * 2);
            ends = Arrays.copyOf(ends, n * 2);
        }
        out.append(c);
        starts[n] = base + rawStart;
        ends[n] = base + rawEnd;
    }

    private SourceMap result(YamlScalar scalar, boolean exact) {
        int n = out.length();
        return new SourceMap(out.toString(), Arrays.copyOf(starts, n), Arrays.copyOf(ends, n),
                scalar.span(), base + contentEnd, exact);
    }

    /** Spreads the value over the scalar's range: better than nothing, never out of bounds. */
    private static SourceMap approximate(YamlScalar scalar) {
        String value = scalar.value();
        TextSpan span = scalar.span();
        int n = value.length();
        int[] s = new int[n];
        int[] e = new int[n];
        int width = Math.max(1, span.length());
        for (int i = 0; i < n; i++) {
            int at = span.start() + (int) ((long) i * width / Math.max(1, n));
            s[i] = Math.min(at, Math.max(span.start(), span.end() - 1));
            e[i] = Math.min(s[i] + 1, Math.max(span.end(), s[i]));
        }
        return new SourceMap(value, s, e, span, span.end(), false);
    }

    static boolean isBreak(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    private static char breakValue(char c) {
        return c == '\u2028' || c == '\u2029' ? c : '\n';
    }

    private static int breakLength(String s, int at) {
        if (at >= s.length() || !isBreak(s.charAt(at))) {
            return 0;
        }
        return s.charAt(at) == '\r' && at + 1 < s.length() && s.charAt(at + 1) == '\n' ? 2 : 1;
    }
}
