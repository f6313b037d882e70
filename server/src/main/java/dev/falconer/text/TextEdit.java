package dev.falconer.text;

/**
 * How a text was changed into another: {@code [start, oldEnd)} of the old text was replaced by
 * {@code [start, newEnd)} of the new one; everything before {@code start} and after the ends is
 * the same in both.
 */
public record TextEdit(int start, int oldEnd, int newEnd) {
    public TextEdit {
        if (start < 0 || oldEnd < start || newEnd < start) {
            throw new IllegalArgumentException("bad edit " + start + ".." + oldEnd + " -> " + newEnd);
        }
    }

    /** How far the text after the edit moved. */
    public int delta() {
        return newEnd - oldEnd;
    }

    /** The smallest edit turning {@code older} into {@code newer}, found by comparing them. */
    public static TextEdit between(String older, String newer) {
        int max = Math.min(older.length(), newer.length());
        int prefix = 0;
        while (prefix < max && older.charAt(prefix) == newer.charAt(prefix)) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < max - prefix
                && older.charAt(older.length() - 1 - suffix) == newer.charAt(newer.length() - 1 - suffix)) {
            suffix++;
        }
        return new TextEdit(prefix, older.length() - suffix, newer.length() - suffix);
    }
}
