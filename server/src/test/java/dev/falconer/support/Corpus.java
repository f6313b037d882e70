package dev.falconer.support;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The shared upstream corpus, read in place; tests using it skip when it is absent. */
public final class Corpus {
    private Corpus() {
    }

    public static Path root() {
        Path root = Path.of(System.getProperty("falconer.shared", "../shared")).resolve("corpus");
        Assumptions.assumeTrue(Files.isDirectory(root), "corpus not available at " + root);
        return root;
    }

    public static Path file(String relative) {
        Path p = root().resolve(relative);
        Assumptions.assumeTrue(Files.isRegularFile(p), "corpus file missing: " + p);
        return p;
    }

    public static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Path> yamlFiles() {
        try (Stream<Path> s = Files.walk(root())) {
            return s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
