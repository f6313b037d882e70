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

    /** Editors read {@code **}{@code /x} as matching {@code x} at the folder's root too. */
    @Test
    void aGlobUnderAnyDirectoryMatchesAtTheRootToo(@TempDir Path root) throws Exception {
        Files.writeString(root.resolve("team_rules.yaml"), "");
        Files.createDirectories(root.resolve("sub"));
        Files.writeString(root.resolve("sub/sub_rules.yaml"), "");
        assertEquals(List.of(root.resolve("team_rules.yaml"), root.resolve("sub/sub_rules.yaml")),
                RulesFileDiscovery.scan(root, List.of("**/*_rules.yaml")));
    }

    /** A ConfigMap mount is a symbolic link; a link back up the tree is walked once. */
    @Test
    void linkedRulesFilesAreFoundAndLinkLoopsEnd(@TempDir Path root, @TempDir Path elsewhere) throws Exception {
        Path target = Files.writeString(elsewhere.resolve("real.yaml"), "- macro: m\n  condition: proc.name = x\n");
        Files.createSymbolicLink(root.resolve("a_rules.yaml"), target);
        Files.createDirectories(root.resolve("d"));
        Files.createSymbolicLink(root.resolve("d/up"), root);
        assertEquals(List.of(root.resolve("a_rules.yaml")), RulesFileDiscovery.scan(root, List.of()));
    }

    /** Past the bound, the files left out are the last in Falco's order, every time, and the server can say so. */
    @Test
    void theBoundKeepsTheFirstFilesInFalcosOrder(@TempDir Path root) throws Exception {
        for (int i = RulesFileDiscovery.MAX_FILES; i >= 0; i--) {
            Files.writeString(root.resolve(String.format("r%05d.yaml", i)), "- rule: r\n");
        }
        List<Path> found = RulesFileDiscovery.scan(root, List.of());
        assertEquals(RulesFileDiscovery.MAX_FILES, found.size());
        assertEquals(root.resolve(String.format("r%05d.yaml", RulesFileDiscovery.MAX_FILES - 1)), found.get(found.size() - 1));
        assertEquals(true, RulesFileDiscovery.reachedBound(List.of(root), found));
        assertEquals(false, RulesFileDiscovery.reachedBound(List.of(root), found.subList(1, found.size())));
    }

    /** The plugins repository's layout: k8saudit's rules load before k8saudit-gke's, which extend them. */
    @Test
    void directoriesAreOrderedNameByName(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("k8saudit/rules"));
        Files.createDirectories(root.resolve("k8saudit-gke/rules"));
        Files.writeString(root.resolve("k8saudit/rules/k8s_audit_rules.yaml"), "- rule: r\n");
        Files.writeString(root.resolve("k8saudit-gke/rules/k8s_audit_rules_gke.yaml"), "- rule: r\n");
        assertEquals(List.of("k8saudit/rules/k8s_audit_rules.yaml", "k8saudit-gke/rules/k8s_audit_rules_gke.yaml"),
                RulesFileDiscovery.scan(root, List.of()).stream()
                        .map(p -> root.relativize(p).toString().replace('\\', '/')).toList());
    }
}
