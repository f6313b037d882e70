package dev.falconer.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Bring your own Falco: import round trips on our own sample files. */
class ImportTest {

    private final FieldCatalog base = FieldCatalog.defaults();

    static ImportResult load(String name) throws IOException {
        try (InputStream in = ImportTest.class.getResourceAsStream("/imports/" + name)) {
            return CatalogImporter.read(new InputStreamReader(in, StandardCharsets.UTF_8), name);
        }
    }

    static ImportedCatalog loaded(String name) throws IOException {
        return assertInstanceOf(ImportResult.Loaded.class, load(name)).catalog();
    }

    @Test
    void falcoListAddsFieldsSourcesAndPlugins() throws IOException {
        ImportedCatalog imported = loaded("falco-list.json");
        assertEquals(ImportedCatalog.Format.FALCO_LIST, imported.format());
        assertEquals(Set.of("nomad"), imported.plugins());
        FieldCatalog merged = base.withImported(imported);
        assertTrue(merged.isKnownSource("nomad"));
        Resolution.Resolved meta = assertInstanceOf(Resolution.Resolved.class,
                merged.resolve("nomad", "nomad.job.meta", "owner"));
        assertEquals("Sample: a job meta value.", meta.field().description(Locale.JAPANESE));
        assertEquals(ArgumentSpec.Form.KEY, meta.field().argument().form());
        assertInstanceOf(Resolution.ArgumentMissing.class, merged.resolve("nomad", "nomad.job.meta", null));
        assertTrue(merged.field("nomad.tasks").orElseThrow().list());
        // Generic evt fields reach the new source; hidden built-ins stay known.
        assertInstanceOf(Resolution.Resolved.class, merged.resolve("nomad", "evt.time", null));
        assertInstanceOf(Resolution.Resolved.class, merged.resolve("syscall", "evt.latency", null));
        assertInstanceOf(Resolution.Resolved.class, merged.resolve("syscall", "proc.future_field", null));
        // Hand-coded built-in argument forms survive a listing that cannot express them.
        assertInstanceOf(Resolution.Resolved.class, merged.resolve("syscall", "proc.aname", "2"));
        assertInstanceOf(Resolution.ArgumentMalformed.class, merged.resolve("syscall", "proc.aname", "x"));
        assertInstanceOf(Resolution.Unknown.class, base.resolve("syscall", "proc.future_field", null));
    }

    @Test
    void changesReportAddedChangedUnchanged() throws IOException {
        Map<String, CatalogChange> changes = base.changes(loaded("falco-list.json")).stream()
                .collect(Collectors.toMap(CatalogChange::name, c -> c));
        assertEquals(CatalogChange.Kind.UNCHANGED, changes.get("evt.num").kind());
        assertEquals(CatalogChange.Kind.UNCHANGED, changes.get("proc.aname").kind());
        assertEquals(CatalogChange.Kind.ADDED, changes.get("proc.future_field").kind());
        assertEquals(CatalogChange.Kind.ADDED, changes.get("nomad.tasks").kind());
    }

    @Test
    void pluginFieldsWithWrapper() throws IOException {
        ImportedCatalog imported = loaded("plugin-fields.json");
        assertEquals(Set.of("acme"), imported.plugins());
        FieldCatalog merged = base.withImported(imported);
        FieldInfo tenant = merged.field("syscall", "acme.tenant").orElseThrow();
        assertEquals(FieldType.CHARBUF, tenant.type());
        assertTrue(tenant.has(FieldFlag.FORMAT_SUGGESTED));
        assertTrue(merged.field("acme.tags").orElseThrow().has(FieldFlag.TABLE_ONLY));
        assertInstanceOf(Resolution.Resolved.class, merged.resolve("syscall", "acme.score", "3"));
        assertInstanceOf(Resolution.ArgumentMalformed.class, merged.resolve("syscall", "acme.score", "x"));
        // An imported field we already know keeps our flags and gains the imported text as fallback.
        FieldInfo hc = merged.field("proc.is_container_healthcheck").orElseThrow();
        assertTrue(hc.has(FieldFlag.DEPRECATED));
        assertEquals("container", hc.fieldClass());
        assertFalse(merged.field("acme.tenant").orElseThrow().description().has("en"));
    }

    @Test
    void badFilesNameTheProblemAndWhere() throws IOException {
        ImportResult.Failed syntax = assertInstanceOf(ImportResult.Failed.class, load("bad-syntax.json"));
        assertEquals("catalog.import.syntax", syntax.key());
        assertEquals(5, syntax.line());
        assertTrue(syntax.column() > 0);

        ImportResult.Failed type = assertInstanceOf(ImportResult.Failed.class, load("bad-type.json"));
        assertEquals("catalog.import.badPluginType", type.key());
        assertEquals(6, type.line());
        String en = CatalogTexts.message(type, Locale.ENGLISH);
        assertTrue(en.startsWith("bad-type.json:6:"), en);
        assertTrue(en.contains("\"float\""), en);
        assertTrue(CatalogTexts.message(type, Locale.JAPANESE).contains("不明なプラグインフィールド型"));

        ImportResult.Failed arg = assertInstanceOf(ImportResult.Failed.class, load("bad-arg.json"));
        assertEquals("catalog.import.requiredWithoutKind", arg.key());
        assertEquals(2, arg.line());

        ImportResult.Failed bare = assertInstanceOf(ImportResult.Failed.class, load("bare-array.json"));
        assertEquals("catalog.import.bareFields", bare.key());
        assertTrue(CatalogTexts.message(bare, Locale.ENGLISH).contains("{\"plugin\""));
    }

    @Test
    void garbageNeverThrows() {
        for (String text : new String[] {"", "{", "[1,2", "null", "42", "{\"fieldclasses\": 3}",
            "{\"fieldclasses\": [{\"name\": 1}]}", "{\"plugin\": \"x\", \"sources\": [], \"fields\": []}",
            "{\"plugin\": \"x\", \"sources\": [\"s\"], \"fields\": [3]}", "{\"fieldnames\": []}"}) {
            assertInstanceOf(ImportResult.Failed.class, CatalogImporter.read(new StringReader(text), "t.json"), text);
        }
    }

    @Test
    void missingFileIsAFailureNotAnException() {
        ImportResult r = CatalogImporter.read(java.nio.file.Path.of("/nonexistent/catalog.json"));
        assertEquals("catalog.import.unreadable", assertInstanceOf(ImportResult.Failed.class, r).key());
    }
}
