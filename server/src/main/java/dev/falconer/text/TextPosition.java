package dev.falconer.text;

/** An LSP position: 0-based line and 0-based UTF-16 code unit within the line. */
public record TextPosition(int line, int character) implements Comparable<TextPosition> {
    public static TextPosition of(int line, int character) {
        return new TextPosition(line, character);
    }

    @Override
    public int compareTo(TextPosition o) {
        return line != o.line ? Integer.compare(line, o.line) : Integer.compare(character, o.character);
    }
}
