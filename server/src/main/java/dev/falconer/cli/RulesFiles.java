package dev.falconer.cli;

import dev.falconer.workspace.RulesWorkspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** What a directory given on the command line stands for: its rules files, as Falco reads them. */
final class RulesFiles {

    private RulesFiles() {
    }

    /** The {@code .yaml}/{@code .yml} regular files directly in {@code dir}, sorted by name as Falco sorts them (its bytes). */
    static List<Path> inDirectory(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().endsWith(".yaml")
                            || f.getFileName().toString().endsWith(".yml"))
                    .sorted(RulesWorkspace.FALCO_NAME_ORDER)
                    .toList();
        }
    }
}
