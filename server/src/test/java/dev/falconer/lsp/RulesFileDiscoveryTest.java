package dev.falconer.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesFileDiscoveryTest {

    @Test
    void findsRulesFilesInFalcosDefaultOrder(@TempDir Path root) throws Exception {
        Files.writeString(root.resolve("falco_rules.local.yaml"), "# local\n- macro: m\n  condition: a\n");
        Files.writeString(root.resolve("falco_rules.yaml"), "- rule: r\n");
        Files.createDirectories(root.resolve("rules.d"));
        Files.writeString(root.resolve("rules.d/b.yaml"), "- list: l\n  items: []\n");
        Files.writeString(root.resolve("rules.d/a.yaml"), "---\n- required_engine_version: 0.50.0\n");
        Files.writeString(root.resolve("config.yaml"), "rules_files:\n  - x\n");
        Files.writeString(root.resolve("values.yml"), "- name: not a rules item\n");
        Files.createDirectories(root.resolve("node_modules"));
        Files.writeString(root.resolve("node_modules/x_rules.yaml"), "- rule: r\n");

        List<Path> found = RulesFileDiscovery.scan(root, List.of());
        assertEquals(List.of("falco_rules.yaml", "falco_rules.local.yaml", "rules.d/a.yaml", "rules.d/b.yaml"),
                found.stream().map(p -> root.relativize(p).toString().replace('\\', '/')).toList());
    }

    /** A byte order mark before the first item (some Windows tools write one) is not text. */
    @Test
    void aFileStartingWithAByteOrderMarkIsARulesFile(@TempDir Path root) throws Exception {
        Files.writeString(root.resolve("my_rules.yaml"), "\uFEFF- macro: bom\n  condition: proc.name = x\n");
        assertEquals(List.of(root.resolve("my_rules.yaml")), RulesFileDiscovery.scan(root, List.of()));
    }

    @Test
    void globsAddFilesThatDoNotLookLikeRulesYet(@TempDir Path root) throws Exception {
        Files.writeString(root.resolve("empty_rules.yaml"), "");
        assertEquals(1, RulesFileDiscovery.scan(root, List.of("*_rules.yaml")).size());
        assertEquals(0, RulesFileDiscovery.scan(root, List.of()).size());
    }

    @Test
    void explicitListIsKeptInOrderAndResolvedAgainstTheFirstFolder(@TempDir Path root) {
        List<Path> files = RulesFileDiscovery.find(List.of(root), List.of("z.yaml", "/etc/falco/a.yaml"), List.of());
        assertEquals(List.of(root.resolve("z.yaml"), Path.of("/etc/falco/a.yaml").toAbsolutePath()), files);
    }
}
