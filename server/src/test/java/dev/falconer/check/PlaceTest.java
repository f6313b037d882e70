package dev.falconer.check;

import dev.falconer.rules.ScalarStyle;
import dev.falconer.rules.YamlScalar;
import dev.falconer.text.TextSpan;
import dev.falconer.workspace.Location;
import dev.falconer.workspace.ScalarOrigin;
import dev.falconer.workspace.SourcedText;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A check finds a range's file without placing it, and places it only to report: both must be
 * what placing at once gave, for every range of texts assembled from two files and added text.
 */
class PlaceTest {

    private static SourcedText scalar(String uri, String value, int at) {
        return SourcedText.of(new ScalarOrigin(uri, new YamlScalar(value, ScalarStyle.PLAIN, null,
                new TextSpan(at, at + value.length()), value)));
    }

    @Test
    void aPlaceIsWhereLocatingPutsIt() {
        SourcedText a = scalar("file:///a.yaml", "proc.name = bash", 40);
        SourcedText b = scalar("file:///b.yaml", "fd.name in (x, y)", 7);
        List<SourcedText> texts = List.of(a, SourcedText.concat(a, SourcedText.synthetic(" and "), b),
                SourcedText.concat(SourcedText.synthetic("("), b, SourcedText.synthetic(")")),
                SourcedText.synthetic("added only"), SourcedText.synthetic(""));
        for (SourcedText t : texts) {
            for (int s = 0; s <= t.length(); s++) {
                for (int e = s; e <= t.length(); e++) {
                    Location expected = CheckContext.locate(t, s, e);
                    CheckContext.Place p = CheckContext.place(t, s, e);
                    String range = t + " [" + s + "," + e + ")";
                    assertEquals(expected != null, p.exists(), range);
                    if (expected != null) {
                        assertEquals(expected.uri(), p.uri(), range);
                        assertEquals(expected, p.location(), range);
                    }
                }
            }
        }
    }
}
