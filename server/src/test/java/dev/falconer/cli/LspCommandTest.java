package dev.falconer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class LspCommandTest {

    @Test
    void topLevelAcceptsPortAndPassesItToTheServer() {
        Main main = new Main();
        new CommandLine(main).parseArgs("--port", "5007");
        assertEquals(5007, main.lspCommand().port());
    }

    @Test
    void withoutPortTheTopLevelServesStdio() {
        Main main = new Main();
        new CommandLine(main).parseArgs();
        assertNull(main.lspCommand().port());
    }

    @Test
    void onlyAPlainServerStartSkipsTheCommandLineParser() {
        assertTrue(Main.startsServerOnly(new String[0]));
        assertTrue(Main.startsServerOnly(new String[] {"lsp"}));
        assertFalse(Main.startsServerOnly(new String[] {"--port", "5007"}));
        assertFalse(Main.startsServerOnly(new String[] {"lsp", "--port", "5007"}));
        assertFalse(Main.startsServerOnly(new String[] {"--help"}));
        assertFalse(Main.startsServerOnly(new String[] {"check", "rules.yaml"}));
    }

    @Test
    void lspSubCommandStillTakesPort() {
        CommandLine.ParseResult r = new CommandLine(new Main()).parseArgs("lsp", "--port", "5008");
        LspCommand lsp = (LspCommand) r.subcommand().commandSpec().userObject();
        assertEquals(5008, lsp.port());
    }
}
