package dev.falconer.navigate;

import dev.falconer.text.LineIndex;
import dev.falconer.workspace.WorkspaceSnapshot;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensLegend;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.falconer.navigate.Nav.A;
import static dev.falconer.navigate.Nav.NAV;
import static dev.falconer.navigate.Nav.workspace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SemanticTokensTest {

    @Test
    void legendUsesStandardTypes() {
        SemanticTokensLegend legend = NAV.semanticTokensLegend();
        assertEquals(List.of("property", "macro", "variable", "function", "operator", "keyword", "string", "number",
                "parameter"), legend.getTokenTypes());
        assertEquals(List.of("declaration"), legend.getTokenModifiers());
    }

    @Test
    void conditionWordsInAFoldedBlockOnePiecePerLine() {
        String text = """
                - list: shells
                  items: [bash, sh]
                - macro: spawned
                  condition: evt.type in (execve, execveat) and not proc.pid < 0x10
                - rule: r
                  desc: d
                  condition: >
                    spawned and tolower(proc.aname[2]) startswith oneof (shells, "/usr/bin")
                    or fd.name exists
                  output: "%12proc.name ran %toupper(user.name) on %fd.name[0]"
                  priority: INFO
                """;
        assertEquals(List.of(
                "0:8 shells variable+declaration",
                "2:9 spawned macro+declaration",
                "3:13 evt.type property", "3:22 in operator", "3:26 execve string", "3:34 execveat string",
                "3:44 and keyword", "3:48 not keyword", "3:52 proc.pid property", "3:61 < operator", "3:63 0x10 number",
                "7:4 spawned macro", "7:12 and keyword", "7:16 tolower function", "7:24 proc.aname property",
                "7:35 2 parameter", "7:39 startswith operator", "7:50 oneof keyword", "7:57 shells variable",
                "7:65 \"/usr/bin\" string",
                "8:4 or keyword", "8:7 fd.name property", "8:15 exists operator",
                "9:14 proc.name property", "9:29 toupper function", "9:37 user.name property",
                "9:52 fd.name property", "9:60 0 parameter"), decode(text));
    }

    /** An appended condition is read as the continuation it is: its joining word is a keyword, no macro. */
    @Test
    void anAppendedConditionHasTheTokensOfWhatItAdds() {
        String text = """
                - macro: trusted
                  condition: proc.name = sshd
                - macro: trusted
                  override:
                    condition: append
                  condition: and not trusted and proc.pname = bash
                - macro: trusted
                  append: true
                  condition: or fd.num > 1
                """;
        assertEquals(List.of(
                "0:9 trusted macro+declaration", "1:13 proc.name property", "1:23 = operator", "1:25 sshd string",
                "2:9 trusted macro+declaration",
                "5:13 and keyword", "5:17 not keyword", "5:21 trusted macro", "5:29 and keyword", "5:33 proc.pname property",
                "5:44 = operator", "5:46 bash string",
                "6:9 trusted macro+declaration",
                "8:13 or keyword", "8:16 fd.num property", "8:23 > operator", "8:25 1 number"), decode(text));
    }

    /** A list's name is a list wherever it stands: Falco pastes it there, at a field's place or a condition's too (QA round 17). */
    @Test
    void aListNameIsAListWhereAFieldOrAMacroWouldStand() {
        String text = "- list: fld\n  items: [proc.name]\n- macro: m\n  condition: fld = bash\n"
                + "- list: my.fld\n  items: [proc.name]\n- macro: m2\n  condition: tolower(my.fld) = x and m\n";
        List<String> tokens = decode(text);
        assertTrue(tokens.contains("3:13 fld variable"), tokens.toString());
        assertTrue(tokens.contains("7:21 my.fld variable"), tokens.toString());
        assertTrue(tokens.contains("7:37 m macro"), tokens.toString());
    }

    /** Falco reads the longest known field after a %: %proc.nameand is proc.name followed by text. */
    @Test
    void anOutputPlaceholderIsTheLongestKnownField() {
        String text = "- rule: r\n  desc: d\n  condition: evt.type = open\n  output: \"%proc.nameand %proc.nmae\"\n  priority: INFO\n";
        List<String> tokens = decode(text);
        assertEquals(true, tokens.contains("3:12 proc.name property"), tokens.toString());
        assertEquals(true, tokens.contains("3:26 proc.nmae property"), tokens.toString());
    }

    @Test
    void aQuotedStringBrokenOverTwoLinesGivesTwoTokens() {
        String text = "- macro: m\n  condition: proc.cmdline = \"a\n    b\"\n";
        // the YAML plain scalar folds the break: the condition's string covers two document lines
        assertEquals(List.of("0:9 m macro+declaration", "1:13 proc.cmdline property", "1:26 = operator",
                "1:28 \"a string", "2:4 b\" string"), decode(text));
    }

    /**
     * A condition being typed in its middle has an error there for a moment: the words after it
     * keep their tokens, read again from the next {@code and}/{@code or} (not inside a string).
     */
    @Test
    void theWordsAfterASyntaxErrorKeepTheirTokens() {
        String text = """
                - list: shells
                  items: [bash]
                - macro: m
                  condition: proc.name in (shells, and fd.name = "x and y" or not spawned and(evt.num > 1)
                """;
        // Falco reads the 'and' after the comma as a value, and stops at fd.name
        assertEquals(List.of(
                "0:8 shells variable+declaration",
                "2:9 m macro+declaration",
                "3:13 proc.name property", "3:23 in operator", "3:27 shells variable", "3:35 and string",
                "3:59 or keyword", "3:62 not keyword", "3:66 spawned macro", "3:74 and keyword",
                "3:78 evt.num property", "3:86 > operator", "3:88 1 number"), decode(text));
    }

    /** A stray quote after a string is where the error is, not the start of one more string (QA round 19). */
    @Test
    void aStrayQuoteDoesNotHideTheRest() {
        String text = "- macro: m\n  condition: proc.name = 'x and fd.name = 'y' and user.name = z\n";
        List<String> tokens = decode(text);
        assertTrue(tokens.containsAll(List.of("1:46 and keyword", "1:50 user.name property")), tokens.toString());
    }

    @Test
    void aConditionBrokenFromItsStartIsReadFromItsFirstAndOrOr() {
        String text = "- macro: m\n  condition: ) or proc.name = 'x' or\n";
        assertEquals(List.of("0:9 m macro+declaration",
                "1:15 or keyword", "1:18 proc.name property", "1:28 = operator", "1:30 'x' string", "1:34 or keyword"),
                decode(text));
    }

    @Test
    void tokensOfTheLargestOfficialFileAreOrderedAndInsideTheirLines() {
        String text = dev.falconer.support.Corpus.read(dev.falconer.support.Corpus.file(
                "falcosecurity/rules/rules/falco-sandbox_rules.yaml"));
        WorkspaceSnapshot s = workspace(A, text);
        List<Integer> data = NAV.semanticTokens(s, A).getData();
        LineIndex index = LineIndex.of(text);
        int line = 0;
        int ch = 0;
        for (int i = 0; i < data.size(); i += 5) {
            line += data.get(i);
            ch = data.get(i) == 0 ? ch + data.get(i + 1) : data.get(i + 1);
            int lineLength = index.lineEnd(line) - index.lineStart(line);
            assertEquals(true, data.get(i) > 0 || data.get(i + 1) >= 0);
            assertEquals(true, ch + data.get(i + 2) <= lineLength, "token past its line at " + line);
        }
        assertEquals(true, data.size() > 5 * 3000, "expected thousands of tokens, got " + data.size() / 5);
    }

    /** Each token as {@code line:char text type[+modifiers]}. */
    static List<String> decode(String text) {
        WorkspaceSnapshot s = workspace(A, text);
        SemanticTokens tokens = NAV.semanticTokens(s, A);
        List<String> types = NAV.semanticTokensLegend().getTokenTypes();
        List<Integer> d = tokens.getData();
        LineIndex index = LineIndex.of(text);
        List<String> out = new ArrayList<>();
        int line = 0;
        int ch = 0;
        for (int i = 0; i < d.size(); i += 5) {
            ch = d.get(i) == 0 ? ch + d.get(i + 1) : d.get(i + 1);
            line += d.get(i);
            int start = index.lineStart(line) + ch;
            String word = text.substring(start, start + d.get(i + 2));
            out.add(line + ":" + ch + " " + word + " " + types.get(d.get(i + 3))
                    + (d.get(i + 4) == 1 ? "+declaration" : ""));
        }
        return out;
    }
}
