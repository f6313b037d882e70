package dev.falconer.lsp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sort texts as short ranks within one answer. Editors only compare an answer's sort texts with
 * each other, so each is replaced by its rank among them: the same order (equal texts get equal
 * ranks), in two or three characters instead of a relevance score and the label (a sixth of the
 * bytes of a 150-item completion answer).
 */
final class SortRanks {
    private SortRanks() {
    }

    /** The rank of each of {@code sortTexts} (in base 36, all of one width); {@code null} stays {@code null}. */
    static List<String> of(List<String> sortTexts) {
        Map<String, String> rank = new TreeMap<>();
        for (String s : sortTexts) {
            if (s != null) {
                rank.put(s, null);
            }
        }
        int width = Integer.toString(Math.max(0, rank.size() - 1), Character.MAX_RADIX).length();
        int n = 0;
        for (Map.Entry<String, String> e : rank.entrySet()) {
            e.setValue(pad(Integer.toString(n++, Character.MAX_RADIX), width));
        }
        List<String> out = new ArrayList<>(sortTexts.size());
        for (String s : sortTexts) {
            out.add(s == null ? null : rank.get(s));
        }
        return out;
    }

    private static String pad(String digits, int width) {
        return "0".repeat(width - digits.length()) + digits;
    }
}
