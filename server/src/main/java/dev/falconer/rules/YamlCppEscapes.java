package dev.falconer.rules;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.scanner.ScannerImpl;

/**
 * The escapes of a double-quoted string as yaml-cpp, Falco's YAML reader, takes them where
 * SnakeYAML (YAML 1.1) differs: yaml-cpp also reads {@code \/}, {@code \'} and a backslash
 * before a tab, and refuses a {@code &#92;u} or {@code &#92;U} escape that names a surrogate (D800–DFFF),
 * which SnakeYAML lets through as half a character.
 */
final class YamlCppEscapes {
    private YamlCppEscapes() {
    }

    /**
     * Teaches SnakeYAML the three escapes: its table of one-character escapes is the only hook
     * its scanner has, and this process reads no YAML that must refuse them.
     */
    static void install() {
        ScannerImpl.ESCAPE_REPLACEMENTS.putIfAbsent('/', "/");
        ScannerImpl.ESCAPE_REPLACEMENTS.putIfAbsent('\'', "'");
        ScannerImpl.ESCAPE_REPLACEMENTS.putIfAbsent('\t', "\t");
    }

    /** The problem of a chunk whose double-quoted string names a surrogate, with the escape as written. */
    static String surrogateProblem(String escape) {
        return "the escape " + escape + " names a surrogate";
    }

    /**
     * The first escape naming a surrogate in a double-quoted scalar of {@code roots}, as UTF-16
     * offsets {start, end} into {@code text}, or {@code null}. Only a scalar whose value
     * holds a surrogate is scanned, so a chunk without such a value costs one walk of its nodes.
     */
    static int[] surrogateEscape(String text, List<Node> roots) {
        if (text.indexOf("\\u") < 0 && text.indexOf("\\U") < 0) {
            return null;
        }
        Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Node root : roots) {
            int[] found = find(text, root, seen);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static int[] find(String text, Node node, Set<Node> seen) {
        if (!seen.add(node)) {
            return null; // an alias: its anchor was looked at
        }
        if (node instanceof ScalarNode s) {
            return s.getScalarStyle() == DumperOptions.ScalarStyle.DOUBLE_QUOTED && hasSurrogate(s.getValue())
                    ? inSource(text, s.getStartMark().getIndex(), s.getEndMark().getIndex())
                    : null;
        }
        if (node instanceof SequenceNode seq) {
            for (Node child : seq.getValue()) {
                int[] found = find(text, child, seen);
                if (found != null) {
                    return found;
                }
            }
        } else if (node instanceof MappingNode map) {
            for (NodeTuple t : map.getValue()) {
                int[] found = find(text, t.getKeyNode(), seen);
                found = found != null ? found : find(text, t.getValueNode(), seen);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static boolean hasSurrogate(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.isSurrogate(value.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** The number written in hexadecimal from {@code from} to {@code to}, or -1. */
    private static long hex(String text, int from, int to) {
        long value = 0;
        for (int i = from; i < to; i++) {
            int digit = Character.digit(text.charAt(i), 16);
            if (digit < 0) {
                return -1;
            }
            value = value * 16 + digit;
        }
        return value;
    }

    /**
     * The surrogate escape between code point indexes {@code from} and {@code to} of
     * {@code text} (a scalar's marks), as UTF-16 offsets. Escapes are ASCII, so the scan goes by
     * UTF-16 unit: no half of a pair is a backslash or a digit.
     */
    private static int[] inSource(String text, int from, int to) {
        int points = text.codePointCount(0, text.length());
        int start = text.offsetByCodePoints(0, Math.min(from, points));
        int end = text.offsetByCodePoints(start, Math.min(to, points) - Math.min(from, points));
        for (int i = start; i < end - 1; i++) {
            if (text.charAt(i) != '\\') {
                continue;
            }
            char kind = text.charAt(i + 1);
            int digits = kind == 'u' ? 4 : kind == 'U' ? 8 : 0;
            if (digits > 0 && i + 2 + digits <= text.length()) {
                long value = hex(text, i + 2, i + 2 + digits);
                if (value >= Character.MIN_SURROGATE && value <= Character.MAX_SURROGATE) {
                    return new int[] {i, i + 2 + digits};
                }
            }
            i++; // the escaped character (a backslash too) is not the start of another escape
        }
        return null;
    }
}
