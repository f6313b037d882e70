package dev.falconer.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutputTokensTest {

    @Test
    void tokensAsTheFormatterReadsThem() {
        String out = "*%12proc.name ran %toupper(user.name) on %fd.name[0] 100% %";
        assertEquals(List.of("FIELD proc.name", "TRANSFORMER toupper(user.name)", "FIELD fd.name[0]", "MALFORMED % ",
                "MALFORMED %"), describe(out, OutputTokens.tokenize(out)));
    }

    /** A field half typed is named whole in the error ('%ka.', not '%k'; QA round 17). */
    @Test
    void aMalformedWordIsTakenWhole() {
        String out = "a=%ka. b=%evt. c=%-";
        assertEquals(List.of("MALFORMED %ka.", "MALFORMED %evt.", "MALFORMED %-"), describe(out, OutputTokens.tokenize(out)));
    }

    @Test
    void withTheCatalogTheLongestKnownPrefixIsTheField() {
        String out = "%proc.nameand %proc.nmae";
        assertEquals(List.of("FIELD proc.name", "UNKNOWN_FIELD proc.nmae"),
                describe(out, OutputTokens.tokenize(out, "proc.name"::equals)));
    }

    @Test
    void wordsOfFieldsArgumentsAndNestedTransformers() {
        String out = "%proc.aname[2] %toupper(basename(proc.exe)) %join(\",\", (proc.name, fd.name[1]))";
        List<String> words = new ArrayList<>();
        for (OutputTokens.Token t : OutputTokens.tokenize(out)) {
            t.words().forEach(w -> words.add(w.kind() + " " + out.substring(w.start(), w.end())));
        }
        assertEquals(List.of("FIELD proc.aname", "ARGUMENT 2", "TRANSFORMER toupper", "TRANSFORMER basename",
                "FIELD proc.exe", "TRANSFORMER join", "FIELD proc.name", "FIELD fd.name", "ARGUMENT 1"), words);
    }

    @Test
    void fieldSyntax() {
        assertEquals(true, FieldSyntax.isFieldText("proc.aname[2]"));
        assertEquals(false, FieldSyntax.isFieldText("proc"));
        assertEquals(false, FieldSyntax.isFieldText("proc.aname[a b]"));
    }

    private static List<String> describe(String out, List<OutputTokens.Token> tokens) {
        return tokens.stream().map(t -> t.kind() + " " + out.substring(t.kind() == OutputTokens.Kind.MALFORMED
                ? t.percent() : t.start(), t.end())).toList();
    }
}
