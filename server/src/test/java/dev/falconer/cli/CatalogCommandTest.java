package dev.falconer.cli;

import static dev.falconer.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code falconer catalog list|import}, run through {@link Main#run}. */
class CatalogCommandTest {

    private static String resource(String name) {
        try {
            return Path.of(CatalogCommandTest.class.getResource("/catalog/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void listJsonHasTheAgreedShape() {
        CliRun r = run("catalog", "list", "--source", "syscall", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonArray fields = JsonParser.parseString(r.out()).getAsJsonObject().getAsJsonArray("fields");
        assertEquals(232 + 61, fields.size());
        JsonObject procName = null;
        Set<String> names = new HashSet<>();
        for (JsonElement e : fields) {
            JsonObject f = e.getAsJsonObject();
            names.add(f.get("name").getAsString());
            if (f.get("name").getAsString().equals("proc.name")) {
                procName = f;
            }
        }
        assertTrue(names.contains("container.id"));
        assertTrue(names.contains("evt.latency"), "hidden fields are listed too");
        assertFalse(names.contains("ka.verb"));
        assertEquals("[\"syscall\"]", procName.get("sources").toString());
        assertEquals("CHARBUF", procName.get("type").getAsString());
        assertFalse(procName.get("list").getAsBoolean());
        assertEquals("none", procName.get("argument").getAsString());
        assertTrue(procName.get("flags").isJsonArray());
        assertEquals("0.31.0", procName.get("since").getAsString());
        assertTrue(procName.getAsJsonObject("description").has("en"));
        assertTrue(procName.getAsJsonObject("phrase").has("ja"));
    }

    @Test
    void listTextForAPluginSource() {
        CliRun r = run("catalog", "list", "--source", "k8s_audit");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("ka.verb\tCHARBUF\t")));
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("json.value\tCHARBUF\trequired\t")));
        assertFalse(r.out().lines().anyMatch(l -> l.startsWith("proc.name\t")));
    }

    @Test
    void listWithAnImportedCatalog() {
        CliRun r = run("catalog", "list", "--source", "syscall", "--catalog", resource("plugin-fields.json"));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("acme.tenant\t")));
        assertTrue(r.out().contains("Sample: the tenant of the workload."));
    }

    @Test
    void unknownSourceIsBadUsage() {
        CliRun r = run("catalog", "list", "--source", "nosuch");
        assertEquals(Main.EXIT_USAGE, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("nosuch"));
    }

    @Test
    void badCatalogFileIsOneLineWithPosition() {
        CliRun r = run("catalog", "list", "--catalog", resource("bad-type.json"));
        assertEquals(Main.EXIT_USAGE, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("bad-type.json:6:"), r.err());
        assertFalse(r.err().contains("Exception"));
    }

    @Test
    void importSaysWhatItAddsOrChanges() {
        CliRun r = run("catalog", "import", resource("plugin-fields.json"));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.contains("acme.tenant")));
        assertTrue(r.out().lines().anyMatch(l -> l.contains("acme.score")));
        assertFalse(r.out().lines().anyMatch(l -> l.contains("proc.is_container_healthcheck")),
                "an unchanged field is only counted");
    }

    @Test
    void importOfAMissingFileIsBadUsage() {
        CliRun r = run("catalog", "import", "/nonexistent/catalog.json");
        assertEquals(Main.EXIT_USAGE, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    @Test
    void catalogWithoutSubcommandIsBadUsage() {
        assertEquals(Main.EXIT_USAGE, run("catalog").code());
    }
}
