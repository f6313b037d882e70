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
import com.google.gson.JsonElement;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.SymbolTag;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.services.ServiceEndpoints;

/**
 * How the connection writes its largest answers, registered on the connection's Gson. The JSON
 * is exactly what LSP4J's reflective adapters write (the same fields, order and escaping); only
 * the way there is shorter:
 * <ul>
 * <li>{@link SemanticTokens}: tens of thousands of integers, which the reflective adapter boxes
 * and writes one by one through a runtime-type lookup each (1 MB of garbage and several
 * milliseconds for {@code falco-sandbox_rules.yaml});</li>
 * <li>{@link RememberedList}, {@link RememberedTokens}: an answer kept for an unchanged document
 * (see {@link LastAnswers}) is written once and its text reused, as the editor asks for it again
 * and again; {@link RememberedCompletionList}: the same for the answer to a new term (see
 * {@link KeptCompletions});</li>
 * <li>{@link CompletionItem}, {@link DocumentSymbol}, {@link CodeLens}: hundreds per answer,
 * written field by field rather than through reflection and a runtime-type lookup per field
 * (half the CPU of a completion answer).</li>
 * </ul>
 * Reading is left to LSP4J (the server never reads these types).
 */
final class AnswerJson implements TypeAdapterFactory {

    private AnswerJson() {
    }

    /**
     * The codec a connection to the server builds (its methods, these adapters), for what reads or
     * writes frames without a connection: the warm-up, tests and benchmarks.
     */
    static MessageJsonHandler codec() {
        return new MessageJsonHandler(ServiceEndpoints.getSupportedMethods(FalconerLanguageServer.class),
                AnswerJson::configure);
    }

    /** Adds the adapters to a connection's Gson (see {@code Launcher.Builder#configureGson}). */
    static void configure(GsonBuilder gson) {
        gson.registerTypeAdapterFactory(new AnswerJson());
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
        Class<? super T> raw = type.getRawType();
        if (SemanticTokens.class.isAssignableFrom(raw)) {
            TypeAdapter<SemanticTokens> reader = gson.getDelegateAdapter(this, TypeToken.get(SemanticTokens.class));
            return (TypeAdapter<T>) new TokensAdapter(reader);
        }
        if (RememberedList.class.isAssignableFrom(raw)) {
            return (TypeAdapter<T>) new RememberedAdapter(gson);
        }
        if (raw == RememberedCompletionList.class) {
            return (TypeAdapter<T>) new RememberedCompletionAdapter(gson);
        }
        if (raw == DocumentSymbol.class) {
            return (TypeAdapter<T>) new SymbolAdapter(gson.getDelegateAdapter(this, (TypeToken<DocumentSymbol>) type));
        }
        if (raw == CodeLens.class) {
            return (TypeAdapter<T>) new LensAdapter(gson, gson.getDelegateAdapter(this, (TypeToken<CodeLens>) type));
        }
        if (raw == CompletionItem.class) {
            return (TypeAdapter<T>) new ItemAdapter(gson, gson.getDelegateAdapter(this, (TypeToken<CompletionItem>) type));
        }
        return null;
    }

    /**
     * An answer type written field by field when every field set is one this adapter knows
     * ({@link #plain}); anything else, and all reading, goes to LSP4J's reflective adapter.
     */
    private abstract static class FieldByField<T> extends TypeAdapter<T> {
        private final TypeAdapter<T> reflective;

        FieldByField(TypeAdapter<T> reflective) {
            this.reflective = reflective;
        }

        abstract boolean plain(T value);

        abstract void writePlain(JsonWriter out, T value) throws IOException;

        @Override
        public final void write(JsonWriter out, T value) throws IOException {
            if (value == null || !plain(value)) {
                reflective.write(out, value);
            } else {
                writePlain(out, value);
            }
        }

        @Override
        public final T read(JsonReader in) throws IOException {
            return reflective.read(in);
        }
    }

    /**
     * Completion items as the server makes them (up to 150 per answer): the fields written by
     * hand in declaration order, nulls left out. An item with any other field set is left to the
     * reflective adapter.
     */
    private static final class ItemAdapter extends FieldByField<CompletionItem> {
        private final Gson gson;

        ItemAdapter(Gson gson, TypeAdapter<CompletionItem> reflective) {
            super(reflective);
            this.gson = gson;
        }

        /** Only fields this adapter writes are set (and the text edit is a plain one). */
        @Override
        boolean plain(CompletionItem i) {
            return i.getLabelDetails() == null && i.getTags() == null && i.getDeprecated() == null
                    && i.getFilterText() == null && i.getInsertTextMode() == null
                    && i.getTextEditText() == null && i.getAdditionalTextEdits() == null
                    && i.getCommitCharacters() == null && i.getCommand() == null
                    && (i.getData() == null || i.getData() instanceof JsonElement)
                    && (i.getTextEdit() == null || i.getTextEdit().isLeft() && plain(i.getTextEdit().getLeft()))
                    && (i.getDocumentation() == null || i.getDocumentation().isLeft()
                            || i.getDocumentation().getRight() != null);
        }

        private static boolean plain(TextEdit e) {
            return e != null && complete(e.getRange());
        }

        @Override
        void writePlain(JsonWriter out, CompletionItem i) throws IOException {
            out.beginObject();
            out.name("label").value(i.getLabel());
            if (i.getKind() != null) {
                out.name("kind").value(i.getKind().getValue());
            }
            out.name("detail").value(i.getDetail());
            Either<String, MarkupContent> doc = i.getDocumentation();
            if (doc != null) {
                out.name("documentation");
                if (doc.isLeft()) {
                    out.value(doc.getLeft());
                } else {
                    out.beginObject().name("kind").value(doc.getRight().getKind())
                            .name("value").value(doc.getRight().getValue()).endObject();
                }
            }
            if (i.getPreselect() != null) {
                out.name("preselect").value(i.getPreselect());
            }
            out.name("sortText").value(i.getSortText());
            if (i.getInsertText() != null) {
                out.name("insertText").value(i.getInsertText());
            }
            if (i.getInsertTextFormat() != null) {
                out.name("insertTextFormat").value(i.getInsertTextFormat().getValue());
            }
            if (i.getTextEdit() != null) {
                TextEdit edit = i.getTextEdit().getLeft();
                range(out.name("textEdit").beginObject().name("range"), edit.getRange());
                out.name("newText").value(edit.getNewText()).endObject();
            }
            if (i.getData() != null) {
                gson.toJson((JsonElement) i.getData(), out.name("data"));
            }
            out.endObject();
        }
    }

    /** A range as LSP4J writes it (both ends are set: see the callers' checks). */
    private static void range(JsonWriter out, Range r) throws IOException {
        out.beginObject().name("start");
        position(out, r.getStart());
        out.name("end");
        position(out, r.getEnd());
        out.endObject();
    }

    private static void position(JsonWriter out, Position p) throws IOException {
        out.beginObject().name("line").value(p.getLine()).name("character").value(p.getCharacter()).endObject();
    }

    /** Null or without null elements ({@code List.contains(null)} throws for immutable lists). */
    private static boolean noNulls(List<?> list) {
        if (list != null) {
            for (Object o : list) {
                if (o == null) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean complete(Range r) {
        return r != null && r.getStart() != null && r.getEnd() != null;
    }

    /**
     * Outline symbols (hundreds per file, in a tree), written field by field in LSP4J's order;
     * a symbol with a field this adapter does not know how to write is left to the reflective one.
     */
    private static final class SymbolAdapter extends FieldByField<DocumentSymbol> {
        SymbolAdapter(TypeAdapter<DocumentSymbol> reflective) {
            super(reflective);
        }

        @Override
        boolean plain(DocumentSymbol s) {
            return complete(s.getRange()) && complete(s.getSelectionRange()) && noNulls(s.getTags())
                    && noNulls(s.getChildren());
        }

        @Override
        void writePlain(JsonWriter out, DocumentSymbol s) throws IOException {
            out.beginObject();
            out.name("name").value(s.getName());
            if (s.getKind() != null) {
                out.name("kind").value(s.getKind().getValue());
            }
            range(out.name("range"), s.getRange());
            range(out.name("selectionRange"), s.getSelectionRange());
            out.name("detail").value(s.getDetail());
            if (s.getTags() != null) {
                out.name("tags").beginArray();
                for (SymbolTag t : s.getTags()) {
                    out.value(t.getValue());
                }
                out.endArray();
            }
            if (s.getDeprecated() != null) {
                out.name("deprecated").value(s.getDeprecated());
            }
            if (s.getChildren() != null) {
                out.name("children").beginArray();
                for (DocumentSymbol child : s.getChildren()) {
                    write(out, child);
                }
                out.endArray();
            }
            out.endObject();
        }
    }

    /** Code lenses (one per rule, macro and list), written field by field in LSP4J's order. */
    private static final class LensAdapter extends FieldByField<CodeLens> {
        private final Gson gson;

        LensAdapter(Gson gson, TypeAdapter<CodeLens> reflective) {
            super(reflective);
            this.gson = gson;
        }

        @Override
        boolean plain(CodeLens l) {
            Command c = l.getCommand();
            return complete(l.getRange()) && (l.getData() == null || l.getData() instanceof JsonElement)
                    && (c == null || c.getArguments() == null
                            || c.getArguments().stream().allMatch(a -> a instanceof JsonElement));
        }

        @Override
        void writePlain(JsonWriter out, CodeLens l) throws IOException {
            out.beginObject();
            range(out.name("range"), l.getRange());
            Command c = l.getCommand();
            if (c != null) {
                out.name("command").beginObject();
                out.name("title").value(c.getTitle());
                out.name("command").value(c.getCommand());
                if (c.getArguments() != null) {
                    out.name("arguments").beginArray();
                    for (Object a : c.getArguments()) {
                        gson.toJson((JsonElement) a, out);
                    }
                    out.endArray();
                }
                out.endObject();
            }
            if (l.getData() != null) {
                gson.toJson((JsonElement) l.getData(), out.name("data"));
            }
            out.endObject();
        }
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
            out.name("data").jsonValue(data == null ? null
                    : tokens instanceof RememberedTokens kept ? kept.dataJson(TokensAdapter::integers) : integers(data));
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

    /**
     * A completion answer with remembered items: the fields LSP4J writes for it (the items' text
     * written by this Gson once, then reused).
     */
    private static final class RememberedCompletionAdapter extends TypeAdapter<RememberedCompletionList> {
        private final Gson gson;

        RememberedCompletionAdapter(Gson gson) {
            this.gson = gson;
        }

        @Override
        public void write(JsonWriter out, RememberedCompletionList list) throws IOException {
            if (list == null) {
                out.nullValue();
                return;
            }
            out.beginObject().name("isIncomplete").value(list.isIncomplete()).name("items")
                    .jsonValue(list.remembered().json(gson)).endObject();
        }

        @Override
        public RememberedCompletionList read(JsonReader in) {
            throw new UnsupportedOperationException("answers are only written");
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
