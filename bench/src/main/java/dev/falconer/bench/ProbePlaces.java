package dev.falconer.bench;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the benches hover and complete in a rules file, found the way lspprobe finds its places:
 * in the lines of {@code condition:} values. Each place is {line, character} (zero-based).
 */
public final class ProbePlaces {
    private static final Pattern AND = Pattern.compile("\\band (?=[a-z(])");
    private static final Pattern MACRO_DEF = Pattern.compile("(?m)^- macro: ([A-Za-z0-9_]+)");
    private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");

    private ProbePlaces() {
    }

    /** Tokens {@code field} matches inside condition lines (one character into the token), in file order. */
    public static List<int[]> fields(String text, Pattern field, int max) {
        List<int[]> out = new ArrayList<>();
        forEachConditionLine(text, (i, l) -> {
            Matcher m = field.matcher(l);
            while (m.find() && out.size() < max) {
                out.add(new int[] {i, m.start() + 1});
            }
        });
        return out;
    }

    /** The first reference of each of the first {@code max} distinct macros the file defines, named in conditions (one character in). */
    public static List<int[]> macroReferences(String text, int max) {
        Set<String> defined = new HashSet<>();
        Matcher d = MACRO_DEF.matcher(text);
        while (d.find()) {
            defined.add(d.group(1));
        }
        Set<String> seen = new HashSet<>();
        List<int[]> out = new ArrayList<>();
        forEachConditionLine(text, (i, l) -> {
            Matcher m = WORD.matcher(l);
            while (m.find() && out.size() < max) {
                if ((m.start() == 0 || l.charAt(m.start() - 1) != '.') && defined.contains(m.group()) && seen.add(m.group())) {
                    out.add(new int[] {i, m.start() + 1});
                }
            }
        });
        return out;
    }

    /** {@code n} term starts after {@code and } inside conditions, spread over the file. */
    public static List<int[]> terms(String text, int n) {
        List<int[]> all = new ArrayList<>();
        forEachConditionLine(text, (i, l) -> {
            Matcher m = AND.matcher(l);
            if (m.find()) {
                all.add(new int[] {i, m.end()});
            }
        });
        List<int[]> out = new ArrayList<>();
        for (int k = 0; k < n && !all.isEmpty(); k++) {
            out.add(all.get(k * all.size() / n));
        }
        return out;
    }

    /** Each line (index, text) of a {@code condition:} value, first line included. */
    private static void forEachConditionLine(String text, BiConsumer<Integer, String> visit) {
        String[] lines = text.split("\n", -1);
        boolean inCondition = false;
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            if (l.startsWith("  condition:")) {
                inCondition = true;
            } else if (!l.startsWith("    ") && !l.isBlank()) {
                inCondition = false;
            }
            if (inCondition) {
                visit.accept(i, l);
            }
        }
    }
}
