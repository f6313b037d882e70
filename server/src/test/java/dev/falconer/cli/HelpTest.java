package dev.falconer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every command's help shows its own header and description, in English and Japanese. */
class HelpTest {
    private static final List<String> SUBCOMMANDS = List.of("lsp", "check", "explain", "catalog");
    private final Locale saved = Locale.getDefault();

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(saved);
    }

    private static String run(String... args) {
        CliRun r = CliRun.run(args);
        assertEquals(0, r.code(), r.err());
        return r.out();
    }

    private static String text(Locale locale, String key) {
        return ResourceBundle.getBundle("dev.falconer.cli.Messages", locale).getString(key);
    }

    /** picocli wraps long lines (Japanese anywhere): compare without whitespace. */
    private static boolean shows(String help, String text) {
        return help.replaceAll("\\s+", "").contains(text.replaceAll("\\s+", ""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ja"})
    void topLevelHelpListsEachSubcommandWithItsOwnHeader(String lang) {
        Locale locale = Locale.forLanguageTag(lang);
        Locale.setDefault(locale);
        String help = run("--help");
        assertTrue(shows(help, text(locale, "falconer.usage.header")), help);
        assertTrue(shows(help, text(locale, "falconer.usage.description")), help);
        for (String sub : SUBCOMMANDS) {
            String header = text(locale, "falconer." + sub + ".usage.header");
            assertTrue(help.lines().anyMatch(l -> l.strip().startsWith(sub) && l.contains(header.substring(0, 10))),
                    sub + " in\n" + help);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ja"})
    void eachSubcommandHelpShowsItsOwnHeaderAndNotTheRootDescription(String lang) {
        Locale locale = Locale.forLanguageTag(lang);
        Locale.setDefault(locale);
        for (String sub : SUBCOMMANDS) {
            String help = run(sub, "--help");
            assertTrue(shows(help, text(locale, "falconer." + sub + ".usage.header")), sub + ": " + help);
            assertTrue(shows(help, text(locale, "falconer." + sub + ".usage.description")), help);
            assertFalse(shows(help, text(locale, "falconer.usage.header")), help);
            assertFalse(shows(help, text(locale, "falconer.usage.description")), help);
        }
        for (String sub : List.of("list", "import")) {
            String help = run("catalog", sub, "--help");
            assertTrue(shows(help, text(locale, "falconer.catalog." + sub + ".usage.header")), sub + ": " + help);
            assertFalse(shows(help, text(locale, "falconer.usage.description")), help);
        }
    }

    @Test
    void japaneseHelpIsJapanese() {
        Locale.setDefault(Locale.JAPANESE);
        assertTrue(shows(run("check", "--help"), "ルールファイルを検査"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ja"})
    void usageErrorsKeepPicocliTextAndAddOurHint(String lang) {
        Locale locale = Locale.forLanguageTag(lang);
        Locale.setDefault(locale);
        CliRun r = CliRun.run("check", "--no-such-option", "x.yaml");
        assertEquals(Main.EXIT_USAGE, r.code());
        String hint = java.text.MessageFormat.format(text(locale, "usage.seeHelp"), "falconer check");
        assertTrue(r.err().contains("Unknown option"), r.err());
        assertTrue(r.err().contains(hint), r.err());
    }

    /** picocli reads {@code -x.yaml} as an option; the hint says how to give it as a file. */
    @ParameterizedTest
    @ValueSource(strings = {"en", "ja"})
    void aFileNamedLikeAnOptionGetsTheDoubleDashHint(String lang) {
        Locale locale = Locale.forLanguageTag(lang);
        Locale.setDefault(locale);
        String hint = java.text.MessageFormat.format(text(locale, "usage.dashedPath"), "-x.yaml", "falconer check");
        for (String[] args : List.of(new String[] {"check", "-x.yaml"}, new String[] {"check", "a.yaml", "-x.yaml"})) {
            CliRun r = CliRun.run(args);
            assertEquals(Main.EXIT_USAGE, r.code());
            assertTrue(r.err().contains(hint), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
        }
        assertEquals(null, Main.dashedPath(new String[] {"check", "--format", "json", "-", "a.yaml"}));
    }
}
