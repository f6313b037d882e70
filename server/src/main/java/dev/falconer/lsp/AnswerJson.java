package dev.falconer.lsp;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.util.List;
import org.eclipse.lsp4j.SemanticTokens;

/**
 * How the connection writes its largest answers, registered on the connection's Gson. The JSON
 * is exactly what LSP4J's reflective adapters write (the same fields, order and escaping); only
 * the way there is shorter:
 * <ul>
 * <li>{@link SemanticTokens}: tens of thousands of integers, which the reflective adapter boxes
 * and writes one by one through a runtime-type lookup each (1 MB of garbage and several
 * milliseconds for {@code falco-sandbox_rules.yaml});</li>
 * <li>{@link RememberedList}: an answer kept for an unchanged document (see {@link LastAnswers})
 * is written once and its text reused, as the editor asks for it again and again.</li>
 * </ul>
 * Reading is left to LSP4J (the server never reads these types).
 */
final class AnswerJson implements TypeAdapterFactory {

    private AnswerJson() {
    }

    /** Adds the adapters to a connection's Gson (see {@code Launcher.Builder#configureGson}). */
    static void configure(GsonBuilder gson) {
        gson.registerTypeAdapterFactory(new AnswerJson());
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
        Class<? super T> raw = type.getRawType();
        if (raw == SemanticTokens.class) {
            return (TypeAdapter<T>) new TokensAdapter(gson.getDelegateAdapter(this, (TypeToken<SemanticTokens>) type));
        }
        if (RememberedList.class.isAssignableFrom(raw)) {
            return (TypeAdapter<T>) new RememberedAdapter(gson);
        }
        return null;
    }

    /** Semantic tokens: the integers written straight into the text. */
    private static final class TokensAdapter extends TypeAdapter<SemanticTokens> {
        private final TypeAdapter<SemanticTokens> reader;

        TokensAdapter(TypeAdapter<SemanticTokens> reader) {
            this.reader = reader;
        }

        @Override
        public void write(JsonWriter out, SemanticTokens tokens) throws IOException {
            if (tokens == null) {
                out.nullValue();
                return;
            }
            // in field order; a null field is left out unless the writer serializes nulls, as Gson does
            out.beginObject();
            out.name("resultId").value(tokens.getResultId());
            List<Integer> data = tokens.getData();
            out.name("data").jsonValue(data == null ? null : integers(data));
            out.endObject();
        }

        /** The list as a JSON array; a null element is written as Gson would ({@code null}). */
        private static String integers(List<Integer> data) {
            StringBuilder s = new StringBuilder(data.size() * 3 + 2).append('[');
            for (int i = 0, n = data.size(); i < n; i++) {
                if (i > 0) {
                    s.append(',');
                }
                Integer v = data.get(i);
                if (v == null) {
                    s.append("null");
                } else {
                    s.append(v.intValue());
                }
            }
            return s.append(']').toString();
        }

        @Override
        public SemanticTokens read(JsonReader in) throws IOException {
            return reader.read(in);
        }
    }

    /** A remembered answer: its text is written by this Gson once, then reused. */
    private static final class RememberedAdapter extends TypeAdapter<RememberedList<?>> {
        private final Gson gson;

        RememberedAdapter(Gson gson) {
            this.gson = gson;
        }

        @Override
        public void write(JsonWriter out, RememberedList<?> list) throws IOException {
            if (list == null) {
                out.nullValue();
                return;
            }
            out.jsonValue(list.json(gson));
        }

        @Override
        public RememberedList<?> read(JsonReader in) {
            throw new UnsupportedOperationException("answers are only written");
        }
    }
}
