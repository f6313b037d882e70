package dev.falconer.workspace;

import dev.falconer.rules.ScalarStyle;
import dev.falconer.rules.YamlScalar;
import dev.falconer.text.TextSpan;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SourcedText keeps its characters' sources as runs: checked against a plain per-character model
 * (origin and value index of every character, locations grouped as the per-character version did)
 * over random assemblies of scalars, added text, concatenations and substrings.
 */
class SourcedTextTest {

    /** A text with its per-character model: origin per character (null = added) and value index. */
    private record Modeled(SourcedText text, List<ScalarOrigin> originOf, List<Integer> indexOf) {
    }

    private final Random random = new Random(20261128L);
    private final List<ScalarOrigin> scalars = new ArrayList<>();

    private ScalarOrigin scalar(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 1 + random.nextInt(12); i++) {
            sb.append((char) ('a' + random.nextInt(26)));
        }
        String v = sb.toString();
        int at = 10 * n + random.nextInt(5);
        return new ScalarOrigin("file:///f" + (n % 3) + ".yaml",
                new YamlScalar(v, ScalarStyle.PLAIN, null, new TextSpan(at, at + v.length()), v));
    }

    private Modeled random(int depth) {
        int k = random.nextInt(depth <= 0 ? 2 : 4);
        if (k == 0) {
            ScalarOrigin o = scalars.get(random.nextInt(scalars.size()));
            if (random.nextInt(4) == 0) {
                o = new ScalarOrigin(o.uri(), o.scalar()); // an equal scalar of another object
            }
            List<ScalarOrigin> of = new ArrayList<>();
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < o.scalar().value().length(); i++) {
                of.add(o);
                idx.add(i);
            }
            return new Modeled(SourcedText.of(o), of, idx);
        }
        if (k == 1) {
            String s = random.nextBoolean() ? " and " : random.nextBoolean() ? "" : "\"";
            List<ScalarOrigin> of = new ArrayList<>();
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < s.length(); i++) {
                of.add(null);
                idx.add(0);
            }
            return new Modeled(SourcedText.synthetic(s), of, idx);
        }
        if (k == 2) {
            List<Modeled> parts = new ArrayList<>();
            for (int i = 0; i < 1 + random.nextInt(4); i++) {
                parts.add(random(depth - 1));
            }
            List<ScalarOrigin> of = new ArrayList<>();
            List<Integer> idx = new ArrayList<>();
            for (Modeled m : parts) {
                of.addAll(m.originOf);
                idx.addAll(m.indexOf);
            }
            List<SourcedText> texts = parts.stream().map(Modeled::text).toList();
            SourcedText hashed = SourcedText.concat(texts, Integer.MAX_VALUE);
            // merged through the biggest part's index, as the long lists of a threat feed are
            SourcedText indexed = SourcedText.concat(texts, 1);
            assertEquals(hashed.origins(), indexed.origins());
            assertTrue(hashed.sameShape(indexed));
            return new Modeled(random.nextBoolean() ? hashed : indexed, of, idx);
        }
        Modeled m = random(depth - 1);
        int n = m.text.length();
        int s = random.nextInt(n + 1);
        int e = s + random.nextInt(n - s + 1);
        return new Modeled(m.text.substring(s, e), new ArrayList<>(m.originOf.subList(s, e)),
                new ArrayList<>(m.indexOf.subList(s, e)));
    }

    /** The per-character grouping of the former implementation. */
    private static List<Location> locate(Modeled m, int start, int end) {
        List<Location> out = new ArrayList<>();
        int n = m.text.length();
        int s = Math.max(0, Math.min(start, n));
        int e = Math.max(s, Math.min(end, n));
        if (s == e) {
            Location l = locateEmpty(m, s);
            return l == null ? List.of() : List.of(l);
        }
        int i = s;
        while (i < e) {
            ScalarOrigin o = m.originOf.get(i);
            if (o == null) {
                i++;
                continue;
            }
            int j = i + 1;
            while (j < e && m.originOf.get(j) != null && m.originOf.get(j).equals(o)
                    && m.indexOf.get(j) == m.indexOf.get(j - 1) + 1) {
                j++;
            }
            out.add(new Location(o.uri(), o.scalar().sourceMap().documentSpan(m.indexOf.get(i), m.indexOf.get(j - 1) + 1)));
            i = j;
        }
        return out;
    }

    private static Location locateEmpty(Modeled m, int at) {
        int n = m.text.length();
        for (int d = 0; d <= n; d++) {
            int before = at - 1 - d;
            int after = at + d;
            if (after < n && m.originOf.get(after) != null) {
                ScalarOrigin o = m.originOf.get(after);
                return new Location(o.uri(), TextSpan.empty(o.scalar().sourceMap().documentOffset(m.indexOf.get(after))));
            }
            if (before >= 0 && before < n && m.originOf.get(before) != null) {
                ScalarOrigin o = m.originOf.get(before);
                return new Location(o.uri(), TextSpan.empty(o.scalar().sourceMap().documentOffset(m.indexOf.get(before) + 1)));
            }
            if (before < 0 && after >= n) {
                break;
            }
        }
        return null;
    }

    @Test
    void runsAnswerAsPerCharacterSources() {
        for (int i = 0; i < 6; i++) {
            scalars.add(scalar(i));
        }
        for (int round = 0; round < 400; round++) {
            Modeled m = random(4);
            int n = m.text.length();
            assertEquals(n, m.originOf.size());
            for (int i = -1; i <= n; i++) {
                assertEquals(i < 0 || i >= n ? null : m.originOf.get(i), m.text.originAt(i), "originAt " + i);
            }
            for (int t = 0; t < 20; t++) {
                int s = random.nextInt(n + 3) - 1;
                int e = s + random.nextInt(n + 2);
                assertEquals(locate(m, s, e), m.text.locate(s, e), m.text + " [" + s + "," + e + ")");
                // what the checks ask before placing anything
                assertEquals(m.text.locateFirst(s, e) != null, m.text.locatable(), m.text + " [" + s + "," + e + ")");
            }
            Modeled other = random(4);
            boolean same = m.text.text().equals(other.text.text()) && m.text.origins().size() == other.text.origins().size()
                    && sameSources(m, other);
            assertEquals(same, m.text.sameShape(other.text));
            SourcedText copy = SourcedText.concat(m.text.substring(0, n / 2), m.text.substring(n / 2));
            assertEquals(locate(m, 0, n), copy.locate(0, n));
            assertEquals(m.text.origins().size() == copy.origins().size(), m.text.sameShape(copy));
        }
    }

    /** Same origin positions (by index into each text's origins) and value indexes per character. */
    private static boolean sameSources(Modeled a, Modeled b) {
        for (int i = 0; i < a.originOf.size(); i++) {
            ScalarOrigin x = a.originOf.get(i);
            ScalarOrigin y = b.originOf.get(i);
            if ((x == null) != (y == null)) {
                return false;
            }
            if (x != null && (a.text.origins().indexOf(x) != b.text.origins().indexOf(y)
                    || !a.indexOf.get(i).equals(b.indexOf.get(i)))) {
                return false;
            }
        }
        return true;
    }
}
