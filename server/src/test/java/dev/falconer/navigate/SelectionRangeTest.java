package dev.falconer.navigate;

import dev.falconer.rules.RulesDocument;
import org.eclipse.lsp4j.SelectionRange;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.falconer.navigate.Nav.A;
import static dev.falconer.navigate.Nav.NAV;
import static dev.falconer.navigate.Nav.cursor;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SelectionRangeTest {

    @Test
    void tokenCheckClauseConditionItemInsideAFoldedCondition() {
        Nav.Cursor c = cursor("""
                - rule: r
                  desc: d
                  condition: >
                    spawned and
                    (proc.na|me = bash or proc.name = sh)
                  output: o
                  priority: INFO
                """);
        assertEquals(List.of(
                "proc.name",                                          // token
                "proc.name = bash",                                   // check
                "proc.name = bash or proc.name = sh",                 // clause
                "spawned and\n    (proc.name = bash or proc.name = sh)", // condition (and)
                "spawned and\n    (proc.name = bash or proc.name = sh)\n", // condition text with its folded break
                ">\n    spawned and\n    (proc.name = bash or proc.name = sh)\n", // the scalar
                "condition: >\n    spawned and\n    (proc.name = bash or proc.name = sh)\n", // the entry
                c.text().substring(2, c.text().length() - 1),         // the item's mapping
                c.text().substring(0, c.text().length() - 1)),        // the item
                chain(c));
    }

    /** A block condition followed by a blank line and the next item: its entry ends where the item does. */
    @Test
    void aBlockConditionBeforeABlankLineStillReachesItsItem() {
        Nav.Cursor c = cursor("- macro: m\n  condition: >\n    proc.na|me = bash\n\n- macro: n\n  condition: m\n");
        List<String> chain = chain(c);
        assertEquals("- macro: m\n  condition: >\n    proc.name = bash", chain.get(chain.size() - 1));
        assertEquals("condition: >\n    proc.name = bash", chain.get(chain.size() - 3));
    }

    @Test
    void outsideConditionsScalarEntryItem() {
        Nav.Cursor c = cursor("- list: l\n  items: [a, b|c]\n");
        assertEquals(List.of("bc", "[a, bc]", "items: [a, bc]", "list: l\n  items: [a, bc]",
                "- list: l\n  items: [a, bc]"), chain(c));
    }

    private static List<String> chain(Nav.Cursor c) {
        RulesDocument doc = RulesDocument.parse(A, c.text());
        SelectionRange r = NAV.selectionRanges(doc, List.of(c.position())).get(0);
        List<String> out = new ArrayList<>();
        for (; r != null; r = r.getParent()) {
            int s = doc.lineIndex().offset(r.getRange().getStart().getLine(), r.getRange().getStart().getCharacter());
            int e = doc.lineIndex().offset(r.getRange().getEnd().getLine(), r.getRange().getEnd().getCharacter());
            out.add(c.text().substring(s, e));
        }
        return out;
    }
}
