package dev.falconer.lsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Utf8Buffer} encodes as {@link String#getBytes} does, however the text is cut into writes. */
class Utf8BufferTest {

    /** Characters from every UTF-8 length, surrogate pairs, and halves of pairs on their own. */
    private static String randomText(Random r, int length) {
        StringBuilder s = new StringBuilder();
        while (s.length() < length) {
            switch (r.nextInt(7)) {
                case 0, 1 -> s.append((char) (0x20 + r.nextInt(0x5f)));
                case 2 -> s.append((char) (0x80 + r.nextInt(0x780)));
                case 3 -> s.append((char) (0x800 + r.nextInt(0xD800 - 0x800)));
                case 4 -> s.appendCodePoint(0x10000 + r.nextInt(0x100000));
                case 5 -> s.append((char) (0xD800 + r.nextInt(0x800))); // either half, unpaired or not
                default -> s.append("検出ルール→").append('\u00e9');
            }
        }
        return s.toString();
    }

    /** Writes {@code text} in random pieces through every kind of write. */
    private static void writeInPieces(Utf8Buffer b, String text, Random r) {
        int i = 0;
        while (i < text.length()) {
            int n = Math.min(text.length() - i, 1 + r.nextInt(9));
            switch (r.nextInt(3)) {
                case 0 -> b.write(text, i, n);
                case 1 -> b.write(text.substring(i, i + n).toCharArray(), 0, n);
                default -> {
                    n = 1;
                    b.write(text.charAt(i));
                }
            }
            i += n;
        }
    }

    @Test
    void encodesLikeTheJdkWhateverThePieces() {
        Random r = new Random(7);
        Utf8Buffer b = new Utf8Buffer(64);
        for (int round = 0; round < 2000; round++) {
            String text = randomText(r, r.nextInt(300));
            b.reset();
            writeInPieces(b, text, r);
            byte[] expected = text.getBytes(StandardCharsets.UTF_8);
            assertEquals(expected.length, b.size(), text);
            assertArrayEquals(expected, b.toByteArray(), text);
        }
    }

    @Test
    void writesHeaderAndTextInOneCall() throws Exception {
        Utf8Buffer b = new Utf8Buffer(64);
        String text = "{\"x\":\"é\"}" + "a".repeat(500); // grows past the kept capacity
        b.write(text, 0, text.length());
        int[] calls = {0};
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public synchronized void write(byte[] bytes, int offset, int length) {
                calls[0]++;
                super.write(bytes, offset, length);
            }
        };
        b.writeTo(out, "Content-Length: " + b.size() + "\r\n\r\n");
        assertEquals(1, calls[0]);
        assertEquals("Content-Length: 510\r\n\r\n" + text, out.toString(StandardCharsets.UTF_8));

        b.reset(); // the grown array is dropped, the buffer works as new
        b.write("ok", 0, 2);
        assertArrayEquals("ok".getBytes(StandardCharsets.UTF_8), b.toByteArray());
        assertThrows(IllegalArgumentException.class, () -> b.writeTo(out, "x".repeat(Utf8Buffer.HEADER_ROOM + 1)));
    }

    @Test
    void aHighSurrogateAtTheEndIsAQuestionMark() {
        Utf8Buffer b = new Utf8Buffer(64);
        b.write("a\uD83D", 0, 2);
        assertEquals(2, b.size());
        assertArrayEquals(new byte[] {'a', '?'}, b.toByteArray());
    }
}
