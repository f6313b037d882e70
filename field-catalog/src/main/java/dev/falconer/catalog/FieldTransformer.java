package dev.falconer.catalog;

import java.util.Arrays;
import java.util.Optional;

/** The field transformers of the condition language (spec falco-language.md §1.6), with their first Falco release. */
public enum FieldTransformer {
    VAL("val", false, "0.38.0"),
    TOLOWER("tolower", false, "0.38.0"),
    TOUPPER("toupper", false, "0.38.0"),
    B64("b64", false, "0.38.0"),
    BASENAME("basename", false, "0.39.0"),
    LEN("len", false, "0.40.0"),
    JOIN("join", true, "0.44.0"),
    CONCAT("concat", true, "0.44.0"),
    GETOPT("getopt", true, "0.44.0");

    private final String text;
    private final boolean multiValue;
    private final FalcoVersion since;

    FieldTransformer(String text, boolean multiValue, String since) {
        this.text = text;
        this.multiValue = multiValue;
        this.since = FalcoVersion.of(since);
    }

    /** The name as written in conditions. */
    public String text() {
        return text;
    }

    /** True for join, concat and getopt, which take several arguments. */
    public boolean isMultiValue() {
        return multiValue;
    }

    public FalcoVersion since() {
        return since;
    }

    /** {@code tolower} → TOLOWER; empty for anything else (names are case-sensitive). */
    public static Optional<FieldTransformer> fromText(String text) {
        return Arrays.stream(values()).filter(t -> t.text.equals(text)).findFirst();
    }
}
