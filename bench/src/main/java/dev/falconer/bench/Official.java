package dev.falconer.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The official rulesets from the shared corpus ({@code -Dfalconer.shared=...}, default {@code ../shared}). */
public final class Official {
    static final String[] FILES = {"falco_rules.yaml", "falco-sandbox_rules.yaml", "falco-incubating_rules.yaml"};

    private Official() {
    }

    public static Path dir() {
        Path dir = Path.of(System.getProperty("falconer.shared", "../shared"), "corpus/falcosecurity/rules/rules")
                .toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("official rules not found at " + dir + " (set -Dfalconer.shared)");
        }
        return dir;
    }

    public static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
