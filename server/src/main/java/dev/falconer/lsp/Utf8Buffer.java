package dev.falconer.lsp;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A {@link Writer} that encodes what it is given as UTF-8 into a byte array it keeps from one use
 * to the next, with room before the text for a short header. JSON written through a
 * {@code StringWriter}, then copied into a string and encoded into a new array, allocated 190 KB
 * for a kept 39 KB answer and 430 KB for a 63 KB one: with the editor asking for the same outline
 * and tokens again and again, that garbage filled the young generation. Unpaired surrogates become
 * {@code ?}, as {@link String#getBytes} does.
 */
final class Utf8Buffer extends Writer {
    /** Bytes kept before the text for a header (see {@link #writeTo}). */
    static final int HEADER_ROOM = 32;

    /** From this length on a string is encoded by the JDK (see {@link #write(String, int, int)}). */
    private static final int BULK = 4096;

    private final int kept;
    private byte[] bytes;
    private int count = HEADER_ROOM;
    /** A high surrogate whose low half has not come yet, or 0. */
    private char high;

    /** Starts small and grows with the texts; {@code kept}: the largest array kept for the next text. */
    Utf8Buffer(int kept) {
        this.kept = Math.max(kept, HEADER_ROOM + 16);
        this.bytes = new byte[Math.min(this.kept, 8 * 1024)];
    }

    /** Forgets the text; an array grown past the kept capacity is dropped. */
    void reset() {
        count = HEADER_ROOM;
        high = 0;
        if (bytes.length > kept) {
            bytes = new byte[kept];
        }
    }

    /** The number of bytes of the text (an unpaired surrogate still pending counts as its {@code ?}). */
    int size() {
        return count - HEADER_ROOM + (high != 0 ? 1 : 0);
    }

    /**
     * Writes {@code header} (ASCII, at most {@link #HEADER_ROOM} characters) and then the text to
     * {@code out} in one call.
     */
    void writeTo(OutputStream out, String header) throws IOException {
        endPending();
        int start = HEADER_ROOM - header.length();
        if (start < 0) {
            throw new IllegalArgumentException("header too long");
        }
        for (int i = 0; i < header.length(); i++) {
            bytes[start + i] = (byte) header.charAt(i);
        }
        out.write(bytes, start, count - start);
    }

    /** The text's bytes (for tests). */
    byte[] toByteArray() {
        endPending();
        return Arrays.copyOfRange(bytes, HEADER_ROOM, count);
    }

    @Override
    public void write(int c) {
        room(4);
        put((char) c);
    }

    @Override
    public void write(char[] chars, int offset, int length) {
        // Gson writes strings; arrays only come from other callers, so no fast path here
        for (int i = offset, end = offset + length; i < end; i++) {
            room(4);
            put(chars[i]);
        }
    }

    @Override
    public void write(String s, int offset, int length) {
        int end = offset + length;
        if (length >= BULK && high == 0 && !Character.isHighSurrogate(s.charAt(end - 1))) {
            // a kept answer's whole text: the JDK encodes a long string with bulk copies, twice as
            // fast as a loop compiled by C1, for one array (two when the text is not all Latin-1)
            byte[] utf8 = (offset == 0 && end == s.length() ? s : s.substring(offset, end))
                    .getBytes(StandardCharsets.UTF_8);
            room(utf8.length);
            System.arraycopy(utf8, 0, bytes, count, utf8.length);
            count += utf8.length;
            return;
        }
        // room for the text as ASCII, the usual case; a longer character asks for its own
        room(length + 1);
        for (int i = offset; i < end; i++) {
            char c = s.charAt(i);
            if (c < 0x80 && high == 0) {
                bytes[count++] = (byte) c;
            } else {
                room(end - i + 4);
                put(c);
            }
        }
    }

    /** Needs {@code more} bytes (a char takes at most 3, a pending surrogate's {@code ?} 1 more). */
    private void room(int more) {
        if (count + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, count + more));
        }
    }

    private void put(char c) {
        if (high != 0) {
            char h = high;
            high = 0;
            if (Character.isLowSurrogate(c)) {
                int cp = Character.toCodePoint(h, c);
                bytes[count++] = (byte) (0xF0 | (cp >> 18));
                bytes[count++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                bytes[count++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                bytes[count++] = (byte) (0x80 | (cp & 0x3F));
                return;
            }
            bytes[count++] = '?';
        }
        if (c < 0x80) {
            bytes[count++] = (byte) c;
        } else if (c < 0x800) {
            bytes[count++] = (byte) (0xC0 | (c >> 6));
            bytes[count++] = (byte) (0x80 | (c & 0x3F));
        } else if (Character.isHighSurrogate(c)) {
            high = c;
        } else if (Character.isLowSurrogate(c)) {
            bytes[count++] = '?';
        } else {
            bytes[count++] = (byte) (0xE0 | (c >> 12));
            bytes[count++] = (byte) (0x80 | ((c >> 6) & 0x3F));
            bytes[count++] = (byte) (0x80 | (c & 0x3F));
        }
    }

    private void endPending() {
        if (high != 0) {
            room(1);
            high = 0;
            bytes[count++] = '?';
        }
    }

    @Override
    public void flush() {
        // nothing is held back but a pending surrogate, which waits for its other half
    }

    @Override
    public void close() {
        // the array is kept for the next message
    }
}
