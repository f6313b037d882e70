package dev.falconer.catalog;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The {@code ../shared} folder (system property {@code falconer.shared}); tests skip when it is absent. */
final class Shared {

    private Shared() {
    }

    static Path root() {
        Path p = Path.of(System.getProperty("falconer.shared", "../shared"));
        assumeTrue(Files.isDirectory(p.resolve("catalog-facts")), "../shared is absent");
        return p;
    }

    /** Data rows of a facts TSV (comments and the header dropped), split on tabs. */
    static List<String[]> tsv(String name) {
        List<String[]> rows = new ArrayList<>();
        boolean header = true;
        try {
            for (String line : Files.readAllLines(root().resolve("catalog-facts").resolve(name), StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                rows.add(line.split("\t", -1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
