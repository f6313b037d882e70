package dev.falconer.navigate;

import dev.falconer.workspace.WorkspaceSnapshot;
import org.eclipse.lsp4j.Location;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.falconer.navigate.Nav.A;
import static dev.falconer.navigate.Nav.B;
import static dev.falconer.navigate.Nav.NAV;
import static dev.falconer.navigate.Nav.cursor;
import static dev.falconer.navigate.Nav.r;
import static dev.falconer.navigate.Nav.workspace;
import static org.junit.jupiter.api.Assertions.assertEquals;

class DefinitionTest {
    static final String BASE = """
            - list: shell_binaries
              items: [bash, sh]
            - macro: spawned_process
              condition: evt.type = execve
            - rule: Shell spawned
              desc: a shell
              condition: spawned_process and proc.name in (shell_binaries)
              output: shell %proc.name
              priority: WARNING
            """;

    @Test
    void macroInAnotherFileGoesToItsDefinitionAndItsAppend() {
        Nav.Cursor c = cursor("""
                - macro: spawned_process
                  condition: and proc.pid > 0
                  override:
                    condition: append
                - rule: Local
                  desc: d
                  condition: >
                    evt.dir = <
                    and spawn|ed_process
                  output: o
                  priority: INFO
                """);
        WorkspaceSnapshot s = workspace(A, BASE, B, c.text());
        List<Location> defs = NAV.definition(s, B, c.position());
        assertEquals(List.of(new Location(A, r(BASE, "spawned_process", 0)),
                new Location(B, r(c.text(), "spawned_process", 0))), defs);
    }

    @Test
    void listInsideParenthesesAndInsideAnotherList() {
        Nav.Cursor c = cursor("""
                - list: more_shells
                  items: [shell_bin|aries, zsh]
                """);
        WorkspaceSnapshot s = workspace(A, BASE, B, c.text());
        assertEquals(List.of(new Location(A, r(BASE, "shell_binaries", 0))), NAV.definition(s, B, c.position()));

        Nav.Cursor inRule = cursor(BASE.replace("(shell_binaries)", "(shell_|binaries)"));
        WorkspaceSnapshot s2 = workspace(A, inRule.text());
        assertEquals(List.of(new Location(A, r(BASE, "shell_binaries", 0))), NAV.definition(s2, A, inRule.position()));
    }

    @Test
    void listNamedInAnExceptionValue() {
        Nav.Cursor c = cursor("""
                - rule: Shell spawned
                  exceptions:
                    - name: known
                      fields: [proc.name]
                      values: [[shell_bina|ries]]
                  override:
                    exceptions: append
                """);
        WorkspaceSnapshot s = workspace(A, BASE, B, c.text());
        assertEquals(List.of(new Location(A, r(BASE, "shell_binaries", 0))), NAV.definition(s, B, c.position()));
    }

    @Test
    void ruleNameOfAnOverrideEntryGoesToEveryEntry() {
        Nav.Cursor c = cursor("""
                - rule: Shell sp|awned
                  enabled: false
                """);
        WorkspaceSnapshot s = workspace(A, BASE, B, c.text());
        assertEquals(List.of(new Location(A, r(BASE, "Shell spawned", 0)),
                new Location(B, r(c.text(), "Shell spawned", 0))), NAV.definition(s, B, c.position()));
    }

    @Test
    void nothingOnAFieldOrAnUndefinedMacro() {
        Nav.Cursor field = cursor(BASE.replace("proc.name in", "proc.na|me in"));
        assertEquals(List.of(), NAV.definition(workspace(A, field.text()), A, field.position()));
        Nav.Cursor undefined = cursor(BASE.replace("spawned_process and", "nowhere|_macro and"));
        assertEquals(List.of(), NAV.definition(workspace(A, undefined.text()), A, undefined.position()));
    }
}
