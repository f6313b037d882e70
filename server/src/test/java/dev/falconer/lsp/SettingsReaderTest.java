package dev.falconer.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.gson.JsonParser;
import dev.falconer.service.FalconerSettings;
import dev.falconer.service.Severity;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsReaderTest {

    @Test
    void nestedSectionWithEverySetting() {
        FalconerSettings s = SettingsReader.read(JsonParser.parseString("""
                {"falconer": {"locale": "ja-JP", "rulesFiles": ["/etc/falco/falco_rules.yaml", "rules.d"],
                 "catalogFiles": ["fields.json"], "sources": ["syscall", "k8s_audit"],
                 "severity": {"load_unused_macro": "off", "X": "hint", "Y": "loud"},
                 "explain": {"codeLens": false}, "references": {"codeLens": false},
                 "diagnostics": {"delay": 0}, "filePatterns": ["*.rules.yaml"]}}
                """), "en");
        assertEquals(Locale.JAPANESE, s.locale());
        assertEquals(List.of("/etc/falco/falco_rules.yaml", "rules.d"), s.rulesFiles());
        assertEquals(List.of("fields.json"), s.catalogFiles());
        assertEquals(List.of("syscall", "k8s_audit"), s.sources());
        assertEquals(Severity.OFF, s.severityFor("LOAD_UNUSED_MACRO", Severity.WARNING));
        assertEquals(Severity.HINT, s.severityFor("x", Severity.ERROR));
        assertEquals(Severity.ERROR, s.severityFor("Y", Severity.ERROR), "an unknown severity keeps the default");
        assertFalse(s.explainCodeLens());
        assertFalse(s.referencesCodeLens());
        assertEquals(0, s.diagnosticsDelayMs());
        assertEquals(List.of("*.rules.yaml"), s.filePatterns());
    }

    @Test
    void dottedKeysAndClientLocale() {
        FalconerSettings s = SettingsReader.read(JsonParser.parseString(
                "{\"explain.codeLens\": false, \"diagnostics.delay\": 25}"), "ja");
        assertEquals(Locale.JAPANESE, s.locale(), "empty locale follows the client");
        assertFalse(s.explainCodeLens());
        assertEquals(25, s.diagnosticsDelayMs());
    }

    @Test
    void badValuesKeepDefaults() {
        FalconerSettings d = FalconerSettings.defaults();
        FalconerSettings s = SettingsReader.read(JsonParser.parseString(
                "{\"locale\": 3, \"rulesFiles\": {}, \"diagnostics\": {\"delay\": -5}, \"explain\": {\"codeLens\": \"no\"}}"),
                (String) null);
        assertEquals(Locale.ENGLISH, s.locale());
        assertEquals(d.rulesFiles(), s.rulesFiles());
        assertEquals(d.diagnosticsDelayMs(), s.diagnosticsDelayMs());
        assertEquals(d.explainCodeLens(), s.explainCodeLens());
        assertEquals(d, SettingsReader.read(null, "fr"));
    }

    /** Settings pulled later are read over the initializationOptions: what they leave out keeps its value. */
    @Test
    void laterSettingsAreReadOverTheInitializationOptions() {
        FalconerSettings init = SettingsReader.read(JsonParser.parseString(
                "{\"falconer\": {\"locale\": \"ja\", \"severity\": {\"unused-macro\": \"off\"}}}"), "en");
        FalconerSettings empty = SettingsReader.read(JsonParser.parseString("{}"), init);
        assertEquals(init, empty);
        assertEquals(init, SettingsReader.read(null, init));
        FalconerSettings some = SettingsReader.read(JsonParser.parseString("{\"explain\": {\"codeLens\": false}}"), init);
        assertEquals(Locale.JAPANESE, some.locale());
        assertEquals(init.severity(), some.severity());
        assertFalse(some.explainCodeLens());
        assertEquals(Locale.ENGLISH, SettingsReader.read(JsonParser.parseString("{\"locale\": \"en\"}"), init).locale());
        // severities merge code by code
        assertEquals(init.severity(), SettingsReader.read(JsonParser.parseString("{\"severity\": {}}"), init).severity());
        FalconerSettings both = SettingsReader.read(JsonParser.parseString("{\"severity\": {\"unknown-field\": \"warning\"}}"), init);
        assertEquals(2, both.severity().size(), both.severity().toString());
    }
}
