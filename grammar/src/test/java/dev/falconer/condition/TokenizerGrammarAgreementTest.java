package dev.falconer.condition;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded random conditions built from the language's pieces: parsing never throws, spans stay
 * inside the text, and the grammar never rejects what the tokenizer accepted (the parser's own
 * fallback error would mean the two disagree).
 */
class TokenizerGrammarAgreementTest {
    private static final String[] PIECES = {"a", "proc.name", "fd.name[1]", " ", " ", "\t", "\n", "and", "or", "not ",
        "not(", "(", ")", "=", "==", "!=", "<", ">=", "in", "pmatch", "contains ", "exists", "\"x y\"", "'q'", ",",
        "tolower(", "val(", "join(", "[x]", "oneof ", "anyof", "5", "0x1F", "1e+3", "-", "bash", "and(", "or(",
        "\"a\\\\\"", "\\", "=", ".", "_", "]", "["};

    @Test
    void randomConditionsNeverConfuseTheParser() {
        Random random = new Random(20260801L);
        for (int i = 0; i < 30_000; i++) {
            StringBuilder b = new StringBuilder();
            int pieces = 1 + random.nextInt(14);
            for (int j = 0; j < pieces; j++) {
                b.append(PIECES[random.nextInt(PIECES.length)]);
            }
            String text = b.toString();
            ParsedCondition p = ConditionParser.parse(text);
            for (SyntaxError e : p.errors()) {
                assertNotEquals(ErrorKeys.UNEXPECTED, e.key(), () -> "tokenizer and grammar disagree on: " + text);
                assertTrue(e.span().end() <= text.length(), text);
            }
            if (p.root() != null) {
                AstWalker.walk(p.root(), n -> assertTrue(n.span().end() <= text.length(), () -> text + " " + n));
                ConditionPrinter.print(p.root());
            }
        }
    }
}
