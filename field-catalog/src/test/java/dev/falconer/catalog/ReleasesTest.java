package dev.falconer.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The version tables of spec falco-language.md §0. */
class ReleasesTest {

    @ParameterizedTest
    @CsvSource({"pre-0.7, 0.31.0", "0.7.0, 0.32.0", "0.8.0, 0.33.0", "0.10.0, 0.34.0", "0.12.0, 0.36.0",
        "0.14.0, 0.37.0", "0.15.0, 0.38.0", "0.17.0, 0.38.0", "0.18.0, 0.39.0", "0.19.0, 0.40.0", "0.21.0, 0.41.0",
        "0.22.0, 0.42.0", "0.23.0, 0.43.0", "0.24.0, 0.44.0", "0.25.0, 0.44.0"})
    void libsToFalco(String libs, String falco) {
        assertEquals(Optional.of(FalcoVersion.of(falco)), Releases.falcoForLibs(libs));
    }

    @ParameterizedTest
    @CsvSource({"2, 0.31.0", "11, 0.31.0", "12, 0.32.0", "15, 0.33.0", "17, 0.35.0", "26, 0.36.0",
        "0.31.0, 0.37.0", "0.40.0, 0.38.0", "0.43.0, 0.39.0", "0.50.0, 0.41.0", "0.62.0, 0.44.0", "0.44.0, 0.40.0"})
    void engineToFalco(String engine, String falco) {
        FalcoVersion e = Releases.parseEngineVersion(engine).orElseThrow();
        assertEquals(Optional.of(FalcoVersion.of(falco)), Releases.falcoForEngine(e));
    }

    @Test
    void availability() {
        FalcoVersion engine26 = Releases.parseEngineVersion("26").orElseThrow();
        assertEquals(new FalcoVersion(0, 26, 0), engine26);
        assertTrue(Releases.availableFor(Releases.BASELINE, engine26));
        assertFalse(Releases.availableFor(FieldTransformer.VAL.since(), engine26));
        assertTrue(Releases.availableFor(FieldTransformer.VAL.since(), FalcoVersion.of("0.40.0")));
        assertTrue(Releases.availableFor(FieldTransformer.GETOPT.since(), FalcoVersion.of("0.63.0")));
        assertEquals(Optional.of(FalcoVersion.of("0.58.0")), Releases.engineForFalco(FalcoVersion.of("0.43.1")));
        assertEquals(Optional.empty(), Releases.parseEngineVersion("abc"));
    }
}
