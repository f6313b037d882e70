package dev.falconer.lsp;

import dev.falconer.text.TextDocument;
import dev.falconer.workspace.RulesFileOrder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the rules files of the editor's workspace folders when the user did not list them: YAML
 * files matching the configured globs, and any YAML file whose first item is a rule, macro or
 * list. They are ordered as Falco's default configuration loads them: per directory,
 * {@code x.yaml} before {@code x.local.yaml}, files before sub-directories such as {@code rules.d}.
 */
final class RulesFileDiscovery {
    /** Bounds keep a huge checkout from stalling the server. */
    static final int MAX_DEPTH = 8;
    static final int MAX_FILES = 2000;
    /** YAML files listed, rules or not, before they are ordered and the rules among them picked. */
    static final int MAX_LISTED = 20_000;
    private static final int SNIFF_BYTES = 8192;
    private static final Set<String> SKIPPED_DIRS = Set.of(".git", "node_modules", "target", "build", ".idea",
            ".vscode", "vendor", "dist");
    private static final Pattern FIRST_ITEM = Pattern.compile(
            "^-[ \\t]+(rule|macro|list|required_engine_version|required_plugin_versions)[ \\t]*:");

    private RulesFileDiscovery() {
    }

    /** The files to load: the user's list when given (relative entries resolved against the first root), else a scan. */
    static List<Path> find(List<Path> roots, List<String> rulesFiles, List<String> patterns) {
        if (!rulesFiles.isEmpty()) {
            return resolve(roots, rulesFiles);
        }
        List<Path> out = new ArrayList<>();
        for (Path root : roots) {
            out.addAll(scan(root, patterns));
        }
        return out;
    }

    /** Entries as the user wrote them: absolute, {@code ~/…}, or relative to the first workspace folder. */
    static List<Path> resolve(List<Path> roots, List<String> entries) {
        List<Path> out = new ArrayList<>();
        for (String entry : entries) {
            try {
                Path p = Path.of(entry.startsWith("~/") ? System.getProperty("user.home") + entry.substring(1) : entry);
                out.add(p.isAbsolute() || roots.isEmpty() ? p.toAbsolutePath().normalize()
                        : roots.get(0).resolve(p).normalize());
            } catch (java.nio.file.InvalidPathException e) {
                // Not a path on this system: nothing to load.
            }
        }
        return out;
    }

    static List<Path> scan(Path root, List<String> patterns) {
        List<PathMatcher> matchers = matchers(patterns);
        List<Path> found = new ArrayList<>();
        for (Path file : yamlFiles(root)) {
            Path rel = root.relativize(file);
            if (matchers.stream().anyMatch(m -> m.matches(rel)) || looksLikeRules(file)) {
                found.add(file);
                if (found.size() >= MAX_FILES) {
                    break;
                }
            }
        }
        return found;
    }

    /** True when the scan of some folder stopped at {@link #MAX_FILES}: the user is told, not left guessing. */
    static boolean reachedBound(List<Path> roots, List<Path> found) {
        return roots.stream().anyMatch(r -> found.stream().filter(f -> f.startsWith(r)).count() >= MAX_FILES);
    }

    /**
     * The globs, with {@code **}{@code /x} also matching {@code x} at the folder's root (as editors
     * read it; Java's glob wants at least one directory there).
     */
    private static List<PathMatcher> matchers(List<String> patterns) {
        FileSystem fs = FileSystems.getDefault();
        List<PathMatcher> matchers = new ArrayList<>();
        for (String p : patterns) {
            try {
                matchers.add(fs.getPathMatcher("glob:" + p));
                if (p.startsWith("**/")) {
                    matchers.add(fs.getPathMatcher("glob:" + p.substring(3)));
                }
            } catch (IllegalArgumentException e) {
                // A malformed glob matches nothing.
            }
        }
        return matchers;
    }

    /**
     * The YAML files under {@code root} in Falco's order, following symbolic links (a ConfigMap
     * mount is one; a loop is skipped). Ordered before the rules are picked, so that the bound
     * drops the same files, the last ones, on every scan.
     */
    private static List<Path> yamlFiles(Path root) {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return files;
        }
        try {
            Files.walkFileTree(root, Set.of(FileVisitOption.FOLLOW_LINKS), MAX_DEPTH, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return !dir.equals(root) && SKIPPED_DIRS.contains(dir.getFileName().toString())
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && isYaml(file)) {
                        files.add(file.toAbsolutePath().normalize());
                    }
                    return files.size() >= MAX_LISTED ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // An unreadable folder contributes what was found so far.
        }
        files.sort(FALCO_ORDER);
        return files;
    }

    static boolean isYaml(Path p) {
        String n = p.getFileName().toString();
        return n.endsWith(".yaml") || n.endsWith(".yml");
    }

    /** True when the file's first YAML item is a rules-file item. */
    static boolean looksLikeRules(Path file) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SNIFF_BYTES);
        } catch (IOException e) {
            return false;
        }
        for (String line : TextDocument.withoutByteOrderMark(new String(head, StandardCharsets.UTF_8)).split("\\R")) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#") || t.equals("---") || t.startsWith("%")) {
                continue;
            }
            return FIRST_ITEM.matcher(line).find();
        }
        return false;
    }

    /** See {@link RulesFileOrder#FALCO_ORDER}. */
    static final Comparator<Path> FALCO_ORDER = RulesFileOrder.FALCO_ORDER;
}
