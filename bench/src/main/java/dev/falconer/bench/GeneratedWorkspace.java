package dev.falconer.bench;

import dev.falconer.rules.ListItem;
import dev.falconer.rules.MacroItem;
import dev.falconer.rules.NamedItem;
import dev.falconer.rules.RulesDocument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A large workspace made at run time (never committed): the official rulesets repeated, every
 * list, macro and rule renamed per copy so that nothing collides, plus one macro,
 * {@code hot_macro} in the first file, used by {@link #HOT_USERS} rules spread over all files.
 */
final class GeneratedWorkspace {
    static final String HOT_MACRO = "hot_macro";
    static final int HOT_USERS = 100;

    private GeneratedWorkspace() {
    }

    /** Writes {@code files} files into {@code dir} (emptied first); returns them in load order. */
    static List<Path> write(Path dir, int files) {
        try {
            Files.createDirectories(dir);
            try (var old = Files.list(dir)) {
                for (Path p : old.toList()) {
                    Files.delete(p);
                }
            }
            List<Path> out = new ArrayList<>();
            for (int k = 0; k < files; k++) {
                String name = Official.FILES[k % Official.FILES.length];
                String text = renamed(Official.read(Official.dir().resolve(name)), "_g" + k);
                StringBuilder sb = new StringBuilder(text);
                if (k == 0) {
                    sb.append("\n- macro: ").append(HOT_MACRO)
                            .append("\n  condition: evt.type in (execve, execveat) and proc.name != hot\n");
                }
                int from = k * HOT_USERS / files;
                int to = (k + 1) * HOT_USERS / files;
                for (int r = from; r < to; r++) {
                    sb.append("\n- rule: Hot rule ").append(r).append("\n  desc: uses the hot macro\n  condition: ")
                            .append(HOT_MACRO).append(" and fd.name startswith /srv/").append(r)
                            .append("\n  output: hot %proc.name %fd.name\n  priority: NOTICE\n");
                }
                Path p = dir.resolve(String.format("%03d_%s", k, name));
                Files.writeString(p, sb);
                out.add(p);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every list, macro and rule name gets {@code suffix}, where defined and where used. */
    static String renamed(String text, String suffix) {
        RulesDocument doc = RulesDocument.parse("file:///gen.yaml", text);
        List<String> words = new ArrayList<>();
        for (NamedItem item : doc.itemsOf(NamedItem.class)) {
            if (item.name() != null && (item instanceof MacroItem || item instanceof ListItem)) {
                words.add(item.name());
            }
        }
        words.sort(Comparator.comparingInt(String::length).reversed());
        String out = text;
        if (!words.isEmpty()) {
            Pattern names = Pattern.compile("(?<![\\w.\\-/])(" + String.join("|", words.stream().map(Pattern::quote)
                    .toList()) + ")(?![\\w.\\-/])");
            out = names.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + suffix));
        }
        return Pattern.compile("(?m)^(- rule: )(.*)$").matcher(out)
                .replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2).strip() + suffix));
    }
}
