package dev.falconer.workspace;

import java.nio.file.Path;
import java.util.Comparator;

/**
 * The order in which rules files found in an editor's workspace load, as Falco's default
 * configuration lists them: directory first, name by name ({@code k8saudit/} before
 * {@code k8saudit-gke/}, though {@code -} sorts before {@code /}), then base name without
 * {@code .local}, then plain before local ({@code x.yaml} before {@code x.local.yaml}).
 * Files on disk and buffers not yet saved are ordered alike.
 */
public final class RulesFileOrder {
    private RulesFileOrder() {
    }

    public static final Comparator<Path> FALCO_ORDER = Comparator
            .comparing((Path p) -> p.getParent() == null ? Path.of("") : p.getParent(), RulesFileOrder::byNames)
            .thenComparing(p -> stem(p).replace(".local", ""))
            .thenComparing(p -> stem(p).contains(".local"))
            .thenComparing(Path::toString);

    private static int byNames(Path a, Path b) {
        int n = Math.min(a.getNameCount(), b.getNameCount());
        for (int i = 0; i < n; i++) {
            int c = a.getName(i).toString().compareTo(b.getName(i).toString());
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.getNameCount(), b.getNameCount());
    }

    private static String stem(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? n : n.substring(0, dot);
    }
}
