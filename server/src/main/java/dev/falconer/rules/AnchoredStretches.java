package dev.falconer.rules;

import dev.falconer.text.TextSpan;
import java.util.ArrayList;
import java.util.List;
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

    /** The stretches of {@code text} to read as one, in order and apart; empty when none. */
    static List<TextSpan> of(String text, List<RulesDocumentParser.Slot> slots) {
        List<TextSpan> found = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            String alias = undefinedAlias(slots.get(i).items());
            TextSpan stretch = alias == null ? null : stretch(text, slots, i, alias);
            if (stretch != null) {
                found.add(stretch);
            }
        }
        found.sort(java.util.Comparator.comparingInt(TextSpan::start));
        List<TextSpan> out = new ArrayList<>();
        for (TextSpan s : found) {
            if (!out.isEmpty() && out.get(out.size() - 1).end() > s.start()) {
                TextSpan last = out.remove(out.size() - 1);
                out.add(new TextSpan(last.start(), Math.max(last.end(), s.end())));
            } else {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * From the entry above slot {@code using} that defines {@code alias} to that slot's end,
     * reaching further up while the stretch itself uses an anchor from above (an alias of an
     * alias); {@code null} when no entry above defines it or the stretch still fails.
     */
    private static TextSpan stretch(String text, List<RulesDocumentParser.Slot> slots, int using, String alias) {
        ChunkSplitter.Chunk last = slots.get(using).chunk();
        int from = using;
        String wanted = alias;
        while (wanted != null) {
            int defining = -1;
            for (int j = from - 1; j >= 0 && slots.get(j).chunk().document() == last.document(); j--) {
                if (definesAnchor(slots.get(j).chunk().span().textOf(text), wanted)) {
                    defining = j;
                    break;
                }
            }
            if (defining < 0) {
                return null;
            }
            from = defining;
            TextSpan stretch = new TextSpan(slots.get(from).chunk().span().start(), last.span().end());
            ChunkParse read = ChunkParse.parse(stretch.textOf(text));
            if (!read.failed()) {
                return stretch;
            }
            Matcher m = UNDEFINED.matcher(read.problem);
            wanted = m.find() ? m.group(1) : null;
        }
        return null;
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

    private static String undefinedAlias(List<RulesItem> items) {
        for (RulesItem item : items) {
            if (item instanceof BrokenItem broken && broken.problem() != null) {
                Matcher m = UNDEFINED.matcher(broken.problem());
                if (m.find()) {
                    return m.group(1);
                }
            }
        }
        return null;
    }

    /** Whether {@code chunk} has {@code &name} where a node may start (not inside a word such as {@code a&name}). */
    private static boolean definesAnchor(String chunk, String name) {
        String anchor = "&" + name;
        for (int at = chunk.indexOf(anchor); at >= 0; at = chunk.indexOf(anchor, at + 1)) {
            int end = at + anchor.length();
            boolean startsNode = at == 0 || " \t\n[{,-:".indexOf(chunk.charAt(at - 1)) >= 0;
            boolean ends = end == chunk.length() || " \t\r\n,]}".indexOf(chunk.charAt(end)) >= 0;
            if (startsNode && ends) {
                return true;
            }
        }
        return false;
    }
}
