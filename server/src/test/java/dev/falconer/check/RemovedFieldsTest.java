package dev.falconer.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.falconer.catalog.FieldCatalog;
import dev.falconer.catalog.FieldInfo;
import dev.falconer.catalog.Resolution;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A removed or moved field says when, in conditions and outputs, in both languages. */
class RemovedFieldsTest {
    private static List<Diagnostic> check(String condition, String output) {
        return Checks.last("""
                - rule: r
                  desc: d
                  condition: evt.type = open and %s
                  output: "%s"
                  priority: INFO
                """.formatted(condition, output));
    }

    @Test
    void aRemovedFieldSaysInWhichRelease() {
        List<Diagnostic> ds = check("evtin.span.arg = x", "%evtin.span.arg");
        assertEquals(2, ds.size(), Checks.describe(ds));
        for (Diagnostic d : ds) {
            assertEquals("'evtin.span.arg' was removed in Falco 0.42.0.", d.message(Locale.ENGLISH));
            assertEquals("'evtin.span.arg' は Falco 0.42.0 で削除されました。", d.message(Locale.JAPANESE));
        }
    }

    @Test
    void aMovedFieldNamesThePluginAndTheRelease() {
        // the default catalog loads the container plugin, so no moved field reaches a rule: ask directly
        FieldInfo cni = FieldCatalog.defaults().removedFields().stream()
                .filter(f -> f.name().equals("container.cni.json")).findFirst().orElseThrow();
        RemovedFields m = RemovedFields.of(cni.name(), new Resolution.Removed(cni.name(), cni, "container"));
        assertEquals("'container.cni.json' moved to the container plugin in Falco 0.41.0: Falco must load that"
                + " plugin for this rule.", CheckMessages.format(m.key(), m.args(), Locale.ENGLISH));
        assertEquals("'container.cni.json' は Falco 0.41.0 で container プラグインに移されました。このルールには"
                + " Falco でそのプラグインを読み込む必要があります。", CheckMessages.format(m.key(), m.args(), Locale.JAPANESE));
    }
}
