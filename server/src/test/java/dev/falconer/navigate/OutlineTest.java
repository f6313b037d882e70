package dev.falconer.navigate;

import dev.falconer.rules.RulesDocument;
import dev.falconer.workspace.WorkspaceSnapshot;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeKind;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static dev.falconer.navigate.Nav.A;
import static dev.falconer.navigate.Nav.B;
import static dev.falconer.navigate.Nav.NAV;
import static dev.falconer.navigate.Nav.r;
import static dev.falconer.navigate.Nav.workspace;
import static org.junit.jupiter.api.Assertions.assertEquals;

class OutlineTest {
    static final String TEXT = """
            - required_engine_version: 0.50.0
            - required_plugin_versions:
                - name: container
                  version: 0.2.0
            - list: shells
              items: [bash, sh, zsh]
            - macro: spawned
              condition: evt.type = execve
            # A shell started by
            # a service
            - rule: Shell
              desc: a shell
              condition: >
                spawned
                and proc.name in (shells)
              output: shell %proc.name
              priority: WARNING
              source: syscall
              exceptions:
                - name: known
                  fields: [proc.name]
                  values:
                    - [bash]
                    - [sh]
            - rule: Shell
              enabled: false
            - macro: spawned
              condition: or evt.type = execveat
              append: true
            """;

    @Test
    void hierarchicalSymbolsWithKindsAndDetails() {
        List<DocumentSymbol> symbols = NAV.documentSymbols(RulesDocument.parse(A, TEXT), Locale.ENGLISH);
        assertEquals(List.of("required_engine_version", "required_plugin_versions", "shells", "spawned", "Shell",
                "Shell", "spawned"), symbols.stream().map(DocumentSymbol::getName).toList());
        assertEquals(List.of(SymbolKind.Constant, SymbolKind.Package, SymbolKind.Array, SymbolKind.Function,
                SymbolKind.Event, SymbolKind.Event, SymbolKind.Function),
                symbols.stream().map(DocumentSymbol::getKind).toList());
        assertEquals("0.50.0", symbols.get(0).getDetail());
        assertEquals("container", symbols.get(1).getChildren().get(0).getName());
        assertEquals("0.2.0", symbols.get(1).getChildren().get(0).getDetail());
        assertEquals("3 items", symbols.get(2).getDetail());
        assertEquals("WARNING \u00b7 syscall", symbols.get(4).getDetail());
        assertEquals("enable/disable only \u00b7 disabled", symbols.get(5).getDetail());
        assertEquals("append", symbols.get(6).getDetail());
        DocumentSymbol rule = symbols.get(4);
        assertEquals(r(TEXT, "Shell", 0), rule.getSelectionRange());
        assertEquals(10, rule.getRange().getStart().getLine());
        assertEquals(23, rule.getRange().getEnd().getLine());
        DocumentSymbol exception = rule.getChildren().get(0);
        assertEquals("known", exception.getName());
        assertEquals(SymbolKind.Object, exception.getKind());
        assertEquals("2 values", exception.getDetail());

        List<DocumentSymbol> ja = NAV.documentSymbols(RulesDocument.parse(A, TEXT), Locale.JAPANESE);
        assertEquals("3 項目", ja.get(2).getDetail());
        assertEquals("値 2 件", ja.get(4).getChildren().get(0).getDetail());
    }

    @Test
    void itemsBeingTypedStillShowInTheOutline() {
        String text = "- list: a\n  items: [x]\n- rule: Half typed\n  desc: [oops\n";
        List<DocumentSymbol> symbols = NAV.documentSymbols(RulesDocument.parse(A, text), Locale.ENGLISH);
        assertEquals(List.of("a", "Half typed"), symbols.stream().map(DocumentSymbol::getName).toList());
        assertEquals(SymbolKind.Event, symbols.get(1).getKind());
    }

    @Test
    void workspaceSymbolsMatchLikeEditorsDo() {
        WorkspaceSnapshot s = workspace(A, TEXT, B, "- macro: shell_procs\n  condition: proc.name = bash\n");
        List<WorkspaceSymbol> found = NAV.workspaceSymbols(s, "shl");
        assertEquals(List.of("shells", "Shell", "Shell", "shell_procs"), found.stream().map(WorkspaceSymbol::getName).toList());
        assertEquals(B, found.get(3).getLocation().getLeft().getUri());
        assertEquals("b_rules.yaml", found.get(3).getContainerName());
        assertEquals(SymbolKind.Function, found.get(3).getKind());
        assertEquals(List.of(), NAV.workspaceSymbols(s, "zzz"));
        assertEquals(6, NAV.workspaceSymbols(s, "").size());
    }

    /** A block condition's fold ends with its item's, not on the blank line before the next item. */
    @Test
    void aBlockConditionFoldsNoFurtherThanItsItem() {
        List<FoldingRange> folds = NAV.foldingRanges(RulesDocument.parse(A,
                "- macro: m\n  condition: >\n    proc.name = bash\n    or proc.name = sh\n\n- macro: n\n  condition: m\n"));
        assertEquals(List.of("0-3", "1-3", "5-6"), folds.stream().map(f -> f.getStartLine() + "-" + f.getEndLine()).toList());
    }

    @Test
    void foldingPerItemEntryExceptionAndComment() {
        List<FoldingRange> folds = NAV.foldingRanges(RulesDocument.parse(A, TEXT));
        List<String> shown = folds.stream().map(f -> f.getStartLine() + "-" + f.getEndLine()
                + (f.getKind() == null ? "" : " " + f.getKind())).toList();
        assertEquals(List.of(
                "1-3 " + FoldingRangeKind.Region, "4-5 " + FoldingRangeKind.Region, "6-7 " + FoldingRangeKind.Region,
                "8-9 " + FoldingRangeKind.Comment, "10-23 " + FoldingRangeKind.Region,
                "12-14", "18-23", "19-23", "21-23", "24-25 " + FoldingRangeKind.Region, "26-28 " + FoldingRangeKind.Region),
                shown);
    }
}
