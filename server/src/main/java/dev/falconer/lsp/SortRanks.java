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
        return ascending(sortTexts) ? ofAscending(sortTexts) : ofAny(sortTexts);
    }

    /** Whether the texts, {@code null}s left out, never go down (completion answers come sorted). */
    private static boolean ascending(List<String> sortTexts) {
        String last = null;
        for (String s : sortTexts) {
            if (s != null) {
                if (last != null && last.compareTo(s) > 0) {
                    return false;
                }
                last = s;
            }
        }
        return true;
    }

    /** Ranks read off in one pass: a text's rank is the number of distinct texts before it. */
    private static List<String> ofAscending(List<String> sortTexts) {
        int distinct = 0;
        String last = null;
        for (String s : sortTexts) {
            if (s != null && !s.equals(last)) {
                distinct++;
                last = s;
            }
        }
        int width = width(distinct);
        List<String> out = new ArrayList<>(sortTexts.size());
        int n = -1;
        last = null;
        String rank = null;
        for (String s : sortTexts) {
            if (s == null) {
                out.add(null);
                continue;
            }
            if (!s.equals(last)) {
                rank = pad(Integer.toString(++n, Character.MAX_RADIX), width);
                last = s;
            }
            out.add(rank);
        }
        return out;
    }

    private static List<String> ofAny(List<String> sortTexts) {
        Map<String, String> rank = new TreeMap<>();
        for (String s : sortTexts) {
            if (s != null) {
                rank.put(s, null);
            }
        }
        int width = width(rank.size());
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

    /** Digits of the largest rank among {@code distinct} texts. */
    private static int width(int distinct) {
        return Integer.toString(Math.max(0, distinct - 1), Character.MAX_RADIX).length();
    }

    private static String pad(String digits, int width) {
        return "0".repeat(width - digits.length()) + digits;
    }
}
