package dev.falconer.output;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The written-out field test answers as the grammar's pattern over random texts and known cases. */
class FieldSyntaxTest {
    private static final Pattern FIELD_TEXT = Pattern.compile(FieldSyntax.FIELD_NAME.pattern() + "(\\[[^\\]\\[\"'\\s]+\\])?");
    /** Letters, digits and every character the pattern treats apart, with some beyond ASCII. */
    private static final String ALPHABET = "pa.Z0_[]]..\"' \t\n\u000B\f\r\u00e9/-";

    @Test
    void fieldTextsAreThoseOfTheGrammar() {
        for (String known : List.of("proc.name", "proc.aname[2]", "fd.name", "evt.arg.flags", "ka.req.pod.containers.image[0]",
                "proc", "proc.", ".name", "proc..name", "proc.name[]", "proc.name[a b]", "proc.name[x]y", "proc.name[[x]]",
                "1proc.name", "proc.1name", "p_1.n_2", "proc.name[x", "proc.name]", "json.value[/user/name]", "")) {
            assertEquals(FIELD_TEXT.matcher(known).matches(), FieldSyntax.isFieldText(known), "[" + known + "]");
        }
        Random random = new Random(23);
        for (int k = 0; k < 100_000; k++) {
            // half of them shaped like fields (segments, an argument) with random characters inside
            String text = random.nextBoolean() ? some(random, 12)
                    : "p" + some(random, 3) + "." + "n" + some(random, 3) + (random.nextBoolean() ? "[" + some(random, 4) + "]" : "");
            assertEquals(FIELD_TEXT.matcher(text).matches(), FieldSyntax.isFieldText(text), "[" + text + "]");
        }
    }

    private static String some(Random random, int max) {
        StringBuilder sb = new StringBuilder();
        for (int i = random.nextInt(max + 1); i > 0; i--) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
