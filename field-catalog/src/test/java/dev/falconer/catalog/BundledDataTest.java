package dev.falconer.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The shipped data against the facts tables: same names, types, flags, arguments. */
class BundledDataTest {

    private final FieldCatalog catalog = FieldCatalog.defaults().withPlugins(
            Set.of("container", "json", "k8smeta", "krsi", "anomalydetection"));

    @Test
    void committedResourcesAreWhatTheGeneratorProducesFromTheFacts() throws IOException {
        Map<String, String> expected = FactsGenerator.generate(Shared.root());
        List<String> stale = new ArrayList<>();
        for (Map.Entry<String, String> e : expected.entrySet()) {
            try (InputStream in = getClass().getResourceAsStream("/" + e.getKey())) {
                String actual = in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
                if (!e.getValue().equals(actual)) {
                    stale.add(e.getKey());
                }
            }
        }
        assertEquals(List.of(), stale, "regenerate with FactsGenerator.main");
    }

    @Test
    void everyBuiltInFieldOfTheFactsResolvesWithItsTypeAndFlags() {
        List<String[]> rows = Shared.tsv("libs-fields-head.tsv");
        assertEquals(232, rows.size());
        int hidden = 0;
        for (String[] r : rows) {
            FieldInfo f = catalog.field(r[0]).orElseThrow(() -> new AssertionError(r[0]));
            assertEquals(FieldType.valueOf(r[2]), f.type(), r[0]);
            Set<FieldFlag> flags = EnumSet.noneOf(FieldFlag.class);
            for (String flag : r[3].split(",")) {
                if (!Set.of("-", "ARG_REQUIRED", "ARG_ALLOWED", "IS_LIST").contains(flag)) {
                    flags.add(FieldFlag.valueOf(flag));
                }
            }
            assertEquals(flags, f.flags(), r[0]);
            assertEquals(r[3].contains("IS_LIST"), f.list(), r[0]);
            assertEquals(r[3].contains("ARG_"), f.argument().takesArgument(), r[0]);
            assertEquals(r[4].equals("no"), f.isHidden(), r[0]);
            hidden += f.isHidden() ? 1 : 0;
            assertEquals(Releases.falcoForLibs(r[6]).orElseThrow(), f.since(), r[0]);
            assertTrue(catalog.field(SourceScope.SYSCALL, r[0]).isPresent(), r[0]);
            if (!f.argument().takesArgument() || f.argument().presence() == ArgumentSpec.Presence.OPTIONAL) {
                assertInstanceOf(Resolution.Resolved.class, catalog.resolve(SourceScope.SYSCALL, r[0], null), r[0]);
            }
        }
        assertEquals(25, hidden);
    }

    @Test
    void everyPluginFieldOfTheFactsResolvesForItsSource() {
        List<String[]> rows = Shared.tsv("plugin-fields-head.tsv");
        assertEquals(400, rows.size());
        for (String[] r : rows) {
            FieldInfo f = catalog.field(r[3]).orElseThrow(() -> new AssertionError(r[3]));
            assertEquals(FieldType.fromPluginType(r[4]).orElseThrow(), f.type(), r[3]);
            assertEquals(r[5].equals("yes"), f.list(), r[3]);
            assertEquals(r[7].equals("yes"), f.has(FieldFlag.TABLE_ONLY), r[3]);
            assertEquals(r[8].equals("yes"), f.has(FieldFlag.DEPRECATED), r[3]);
            assertEquals(r[0], f.plugin());
            assertEquals(r[6].contains("Required"), f.argument().presence() == ArgumentSpec.Presence.REQUIRED, r[3]);
            String source = r[2].startsWith("any plugin") ? "k8s_audit" : r[2].split(" ")[0];
            Resolution res = catalog.resolve(source, r[3], r[6].contains("Required") ? "0" : null);
            assertInstanceOf(Resolution.Resolved.class, res, r[3] + " for " + source);
        }
    }

    @Test
    void removedFieldsCarryTheirFalcoVersions() {
        List<String[]> rows = Shared.tsv("libs-fields-removed.tsv");
        assertEquals(124, rows.size());
        assertEquals(124, catalog.removedFields().size());
        for (String[] r : rows) {
            FieldInfo f = catalog.removedFields().stream().filter(x -> x.name().equals(r[0])).findFirst().orElseThrow();
            assertEquals(Releases.falcoForLibs(r[4]).orElseThrow(), f.removedIn(), r[0]);
        }
    }

    @Test
    void countsPerGroup() {
        Map<String, Long> expected = Map.of("container", 61L, "k8smeta", 25L, "krsi", 25L, "k8saudit", 100L,
                "cloudtrail", 73L, "okta", 54L, "github", 25L, "gcpaudit", 25L, "json", 6L, "dummy", 3L);
        for (Map.Entry<String, Long> e : expected.entrySet()) {
            assertEquals(e.getValue(), catalog.allFields().stream().filter(f -> e.getKey().equals(f.plugin())).count(),
                    e.getKey());
        }
        assertEquals(18, FieldCatalog.defaults().fields("k8s_audit").stream().filter(f -> f.plugin() == null).count());
        assertEquals(207 + 25 + 61, FieldCatalog.defaults().fields("syscall").size());
        assertNotNull(catalog.events());
    }
}
