package dev.falconer.rules;

import dev.falconer.text.TextSpan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Entries that an alias ties together. Each entry of a file is read by itself, but YAML anchors
 * hold for a whole document, and Falco reads documents whole: {@code desc: *d} may name the
 * {@code &d} of an entry above. Such an entry fails on its own with an undefined alias; the
 * stretch from the entry that defines the anchor to the one that uses it is then read as one
 * chunk, when that reading succeeds (a truly undefined alias stays the entry's own error; an entry
 * between the two whose own alias is undefined keeps the stretch from being read, until fixed).
 * Only files with such aliases pay: every edit then reads the stretch again.
 */
final class AnchoredStretches {
    private static final Pattern UNDEFINED = Pattern.compile("found undefined alias (\\S+)");

    private AnchoredStretches() {
    }

    /**
     * What reading entries together changes: the stretches to read as one (in order and apart),
     * and, by the start of its chunk, the failed reading an entry gets instead of its own when the
     * entries above tell its real problem (its own reading stops at the first alias of an anchor
     * above, which may be fine: the real problem is further on, or in the entry with the anchor).
     */
    record Reading(List<TextSpan> merged, Map<Integer, ChunkParse> corrected) {
        boolean isEmpty() {
            return merged.isEmpty() && corrected.isEmpty();
        }
    }

    /** The problem of an entry whose alias names the anchor of an entry above that fails to read. */
    static final String ANCHOR_IN_BROKEN_ENTRY = "found alias %s whose anchor is in an entry that fails to read";

    static Reading of(String text, List<RulesDocumentParser.Slot> slots) {
        Map<Integer, BrokenItem> failing = new java.util.TreeMap<>();
        for (int i = 0; i < slots.size(); i++) {
            BrokenItem broken = undefinedAlias(slots.get(i).items());
            if (broken != null) {
                failing.put(i, broken);
            }
        }
        if (failing.isEmpty()) {
            return new Reading(List.of(), Map.of());
        }
        // Each failing entry with the nearest entry above that defines its alias, as slot ranges,
        // joined where they meet: in a valid file each joined stretch reads at once (one reading
        // per stretch: a file of a thousand aliases of one anchor is not read a thousand times)
        Map<String, List<Integer>> anchors = anchors(text, slots);
        List<int[]> candidates = new ArrayList<>();
        for (Map.Entry<Integer, BrokenItem> f : failing.entrySet()) {
            int defining = nearestAbove(anchors.get(alias(f.getValue().problem())), f.getKey(), slots);
            if (defining >= 0) {
                candidates.add(new int[] {defining, f.getKey()});
            }
        }
        candidates.sort(java.util.Comparator.comparingInt(c -> c[0]));
        List<TextSpan> found = new ArrayList<>();
        Map<Integer, ChunkParse> corrected = new HashMap<>();
        List<int[]> joined = new ArrayList<>();
        for (int[] c : candidates) {
            int[] last = joined.isEmpty() ? null : joined.get(joined.size() - 1);
            if (last != null && c[0] <= last[1]) {
                last[1] = Math.max(last[1], c[1]);
            } else {
                joined.add(new int[] {c[0], c[1]});
            }
        }
        for (int[] range : joined) {
            TextSpan stretch = new TextSpan(slots.get(range[0]).chunk().span().start(),
                    slots.get(range[1]).chunk().span().end());
            if (!ChunkParse.parse(stretch.textOf(text)).failed()) {
                found.add(stretch);
                continue;
            }
            // something in it fails: entry by entry, to tell each its own problem. The longest
            // stretch from its start that still reads is found first, by halves (a longer one
            // fails wherever a shorter one does): one anchor aliased 8,400 times, past
            // ALIAS_VALUES, read every entry's stretch again, quadratically, for minutes (QA)
            List<Integer> inRange = new ArrayList<>();
            for (Integer k : failing.keySet()) {
                if (k >= range[0] && k <= range[1]) {
                    inRange.add(k);
                }
            }
            int lo = 0;
            int hi = inRange.size() - 1;
            TextSpan reads = null;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                TextSpan prefix = new TextSpan(stretch.start(), slots.get(inRange.get(mid)).chunk().span().end());
                if (ChunkParse.parse(prefix.textOf(text)).failed()) {
                    hi = mid - 1;
                } else {
                    reads = prefix;
                    lo = mid + 1;
                }
            }
            if (reads != null) {
                found.add(reads);
            }
            String overLimitAlias = null;
            for (int i = lo; i < inRange.size(); i++) {
                int key = inRange.get(i);
                ChunkSplitter.Chunk c = slots.get(key).chunk();
                String alias = alias(failing.get(key).problem());
                if (alias != null && alias.equals(overLimitAlias)) {
                    // the same anchor, over a longer stretch than one already past the limit
                    corrected.put(c.span().start(), overLimit(c.span().textOf(text), c, failing.get(key)));
                    continue;
                }
                read(text, slots, anchors, key, failing.get(key), found, corrected);
                ChunkParse got = corrected.get(c.span().start());
                if (got != null && ChunkParse.ALIASES_TOO_LARGE.equals(got.problem)) {
                    overLimitAlias = alias;
                }
            }
        }
        // entries whose alias no entry above defines keep their own error
        found.sort(java.util.Comparator.comparingInt(TextSpan::start));
        List<TextSpan> merged = new ArrayList<>();
        for (TextSpan t : found) {
            if (!merged.isEmpty() && merged.get(merged.size() - 1).end() > t.start()) {
                TextSpan last = merged.remove(merged.size() - 1);
                merged.add(new TextSpan(last.start(), Math.max(last.end(), t.end())));
            } else {
                merged.add(t);
            }
        }
        return new Reading(merged, corrected);
    }

    /** The anchors the slots define ({@code &name} where a node may start), each with the slots that define it, in order. */
    private static Map<String, List<Integer>> anchors(String text, List<RulesDocumentParser.Slot> slots) {
        Map<String, List<Integer>> out = new HashMap<>();
        for (int j = 0; j < slots.size(); j++) {
            TextSpan span = slots.get(j).chunk().span();
            for (int at = text.indexOf('&', span.start()); at >= 0 && at < span.end(); at = text.indexOf('&', at + 1)) {
                if (at > span.start() && " \t\n[{,-:".indexOf(text.charAt(at - 1)) < 0) {
                    continue;
                }
                int end = at + 1;
                while (end < span.end() && " \t\r\n,[]{}".indexOf(text.charAt(end)) < 0) {
                    end++;
                }
                if (end > at + 1) {
                    List<Integer> defining = out.computeIfAbsent(text.substring(at + 1, end), k -> new ArrayList<>());
                    if (defining.isEmpty() || defining.get(defining.size() - 1) != j) {
                        defining.add(j);
                    }
                }
            }
        }
        return out;
    }

    /** The last of {@code defining} (slot indexes, ascending) before {@code using} in its YAML document, or -1. */
    private static int nearestAbove(List<Integer> defining, int using, List<RulesDocumentParser.Slot> slots) {
        if (defining == null) {
            return -1;
        }
        int document = slots.get(using).chunk().document();
        for (int k = defining.size() - 1; k >= 0; k--) {
            int j = defining.get(k);
            if (j < using) {
                return slots.get(j).chunk().document() == document ? j : -1;
            }
        }
        return -1;
    }

    /** The reading of chunk {@code using}, failed at its alias for the expansion limit. */
    private static ChunkParse overLimit(String usingText, ChunkSplitter.Chunk using, BrokenItem broken) {
        int base = using.span().start();
        return ChunkParse.failedAt(usingText, ChunkParse.ALIASES_TOO_LARGE, broken.problemSpan().start() - base,
                broken.problemSpan().isEmpty() ? -1 : broken.problemSpan().end() - base);
    }

    /**
     * Slot {@code using} failed on an alias ({@code broken}): from the entry above that defines the
     * anchor to that slot's end, reaching further up while the stretch uses an anchor from above
     * (an alias of an alias). A stretch that reads is to be merged; one that fails in the using
     * entry gives that entry its real problem; one that fails above it, an entry with the anchor
     * that fails itself.
     */
    private static void read(String text, List<RulesDocumentParser.Slot> slots, Map<String, List<Integer>> anchors,
                             int using, BrokenItem broken, List<TextSpan> merged, Map<Integer, ChunkParse> corrected) {
        ChunkSplitter.Chunk last = slots.get(using).chunk();
        String usingText = last.span().textOf(text);
        String alias = alias(broken.problem());
        int from = using;
        String wanted = alias;
        while (true) {
            int defining = nearestAbove(anchors.get(wanted), from, slots);
            if (defining < 0) {
                if (from != using) {
                    corrected.put(last.span().start(), anchorInBrokenEntry(usingText, last, alias, broken));
                }
                return; // no anchor above: the entry's own error stands
            }
            from = defining;
            TextSpan stretch = new TextSpan(slots.get(from).chunk().span().start(), last.span().end());
            ChunkParse read = ChunkParse.parse(stretch.textOf(text));
            if (!read.failed()) {
                merged.add(stretch);
                return;
            }
            int at = stretch.start() + Math.max(0, read.problemOffset);
            if (read.problemOffset >= 0 && at >= last.span().start()) {
                int offset = at - last.span().start();
                corrected.put(last.span().start(), ChunkParse.failedAt(usingText, read.problem, offset,
                        read.problemEnd < 0 ? -1 : stretch.start() + read.problemEnd - last.span().start()));
                return;
            }
            wanted = alias(read.problem);
            if (wanted == null) {
                corrected.put(last.span().start(), anchorInBrokenEntry(usingText, last, alias, broken));
                return;
            }
        }
    }

    /** The reading of chunk {@code using} failed at its alias ({@code broken}'s place): its anchor's entry fails itself. */
    private static ChunkParse anchorInBrokenEntry(String usingText, ChunkSplitter.Chunk using, String alias,
                                                  BrokenItem broken) {
        int base = using.span().start();
        return ChunkParse.failedAt(usingText, String.format(ANCHOR_IN_BROKEN_ENTRY, alias),
                broken.problemSpan().start() - base, broken.problemSpan().isEmpty() ? -1 : broken.problemSpan().end() - base);
    }

    /** {@code chunks} with those inside each stretch of {@code merged} made one. */
    static List<ChunkSplitter.Chunk> merge(List<ChunkSplitter.Chunk> chunks, List<TextSpan> merged) {
        if (merged.isEmpty()) {
            return chunks;
        }
        List<ChunkSplitter.Chunk> out = new ArrayList<>(chunks.size());
        int m = 0;
        for (int i = 0; i < chunks.size(); i++) {
            ChunkSplitter.Chunk c = chunks.get(i);
            while (m < merged.size() && merged.get(m).end() <= c.span().start()) {
                m++;
            }
            if (m < merged.size() && merged.get(m).start() == c.span().start()) {
                int last = i;
                while (last + 1 < chunks.size() && chunks.get(last + 1).span().end() <= merged.get(m).end()) {
                    last++;
                }
                out.add(new ChunkSplitter.Chunk(new TextSpan(c.span().start(), chunks.get(last).span().end()),
                        c.document(), false));
                i = last;
            } else {
                out.add(c);
            }
        }
        return out;
    }

    private static BrokenItem undefinedAlias(List<RulesItem> items) {
        for (RulesItem item : items) {
            if (item instanceof BrokenItem broken && alias(broken.problem()) != null) {
                return broken;
            }
        }
        return null;
    }

    /** The alias an undefined-alias problem names, or {@code null} for another problem. */
    private static String alias(String problem) {
        if (problem == null) {
            return null;
        }
        Matcher m = UNDEFINED.matcher(problem);
        return m.find() ? m.group(1) : null;
    }
}
