package dev.falconer.rules;

/**
 * yaml-cpp (YAML 1.2, Falco's reader) breaks lines at LF and CR only; SnakeYAML (YAML 1.1) also at
 * NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR, which split a description pasted from a web page
 * into lines and gave a false YAML error. While SnakeYAML reads, each stands in for one of three
 * noncharacters (one UTF-16 unit each, so no offset moves); scalar values get them back.
 */
final class YamlCppLineBreaks {
    private static final String BREAKS = new String(new char[] {0x85, 0x2028, 0x2029});
    /** Noncharacters, reserved by Unicode for a program's own use; SnakeYAML takes them as printable. */
    private static final String STAND_INS = new String(new char[] {0xFDD0, 0xFDD1, 0xFDD2});

    private YamlCppLineBreaks() {
    }

    /** {@code text} for SnakeYAML; the same instance when there is nothing to hide (or a stand-in is used already). */
    static String mask(String text) {
        if (!containsAny(text, BREAKS) || containsAny(text, STAND_INS)) {
            return text;
        }
        return replaced(text, BREAKS, STAND_INS);
    }

    /** A value read from masked text, as yaml-cpp reads it. */
    static String unmask(String value) {
        return containsAny(value, STAND_INS) ? replaced(value, STAND_INS, BREAKS) : value;
    }

    private static boolean containsAny(String text, String chars) {
        for (int i = 0; i < text.length(); i++) {
            if (chars.indexOf(text.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static String replaced(String text, String from, String to) {
        char[] c = text.toCharArray();
        for (int i = 0; i < c.length; i++) {
            int k = from.indexOf(c[i]);
            if (k >= 0) {
                c[i] = to.charAt(k);
            }
        }
        return new String(c);
    }
}
