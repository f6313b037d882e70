package dev.falconer.navigate;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NavTextsTest {

    @Test
    void englishAndJapaneseHaveTheSameKeys() throws IOException {
        assertEquals(keys("Navigate.properties"), keys("Navigate_ja.properties"));
    }

    @Test
    void everyKeyTheCodeAsksForExists() throws IOException {
        Set<String> known = keys("Navigate.properties");
        Pattern call = Pattern.compile("texts\\.get\\(\"([a-zA-Z.]+)\"[,)]");
        try (Stream<Path> files = Files.list(Path.of("src/main/java/dev/falconer/navigate"))) {
            for (Path f : files.toList()) {
                Matcher m = call.matcher(Files.readString(f));
                while (m.find()) {
                    assertTrue(known.contains(m.group(1)), f + " asks for " + m.group(1));
                }
            }
        }
        assertTrue(known.containsAll(Set.of("rename.invalid.list", "rename.invalid.macro", "rename.invalid.rule",
                "kind.list", "kind.macro", "kind.rule")));
    }

    @Test
    void theJvmLocaleDoesNotLeakIn() {
        java.util.Locale saved = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.JAPANESE);
            assertEquals("no references", new NavTexts(java.util.Locale.ENGLISH).get("lens.references", 0));
        } finally {
            java.util.Locale.setDefault(saved);
        }
    }

    private static Set<String> keys(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = NavTexts.class.getResourceAsStream(name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return new TreeSet<>(p.stringPropertyNames());
    }
}
