package dev.falconer.lsp;

import java.util.List;
import java.util.function.Function;
import org.eclipse.lsp4j.SemanticTokens;

/**
 * Semantic tokens kept for an unchanged document (see {@link LastAnswers}) that also keep the JSON
 * text of their integers once written: editors ask for the tokens of the same version again and
 * again, and writing tens of thousands of integers is then all the answer costs. The integers are
 * copied into an unmodifiable list, so the text cannot go stale.
 */
final class RememberedTokens extends SemanticTokens {
    /** Not a field of the answer (Gson leaves transient fields out). */
    private transient volatile String dataJson;

    private RememberedTokens(String resultId, List<Integer> data) {
        super(resultId, data);
    }

    static RememberedTokens of(SemanticTokens tokens) {
        return new RememberedTokens(tokens.getResultId(), List.copyOf(tokens.getData()));
    }

    /** The integers as a JSON array, written by {@code write} on the first call only. */
    String dataJson(Function<List<Integer>, String> write) {
        String s = dataJson;
        if (s == null) {
            s = write.apply(getData());
            dataJson = s;
        }
        return s;
    }
}
