package dev.falconer.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.falconer.service.Texts;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.MessageIssueHandler;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.json.StreamMessageProducer;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage;

/**
 * LSP4J's reader of framed messages, reading each message's whole body before parsing it. LSP4J
 * parses straight from the stream, bounded by the frame's length, and leaves what the parser did
 * not read in the stream when the JSON is malformed: with a body over its 8 KB read buffer, the
 * rest was then read as the next frame's header and every later message was lost.
 *
 * <p>A request whose id is no string or integer ({@code 1.5}, {@code null}, {@code true}, an
 * object) is answered here, as JSON-RPC wants, with an Invalid Request error of id null: LSP4J
 * dropped it, and the client waited for an answer that never came.
 */
final class WholeFrameReader extends StreamMessageProducer {
    private static final byte[] ID_KEY = "\"id\"".getBytes(StandardCharsets.US_ASCII);

    /** Where the answers to requests with an unusable id go; {@code null}: LSP4J sees them. */
    private final MessageConsumer answers;

    WholeFrameReader(InputStream input, MessageJsonHandler json, MessageIssueHandler issues, MessageConsumer answers) {
        super(input, json, issues);
        this.answers = answers;
    }

    WholeFrameReader(InputStream input, MessageJsonHandler json) {
        super(input, json);
        this.answers = null;
    }

    @Override
    protected boolean handleMessage(InputStream input, Headers headers) throws IOException {
        // a stream that ends inside the body gives what it had: the parser then reports it
        byte[] body = input.readNBytes(headers.contentLength);
        if (answers != null && oddId(body) && refused(body)) {
            return true;
        }
        return super.handleMessage(new ByteArrayInputStream(body), headers);
    }

    /**
     * A cheap look at the first {@code "id"} of the body: true when its value is not a string or a
     * plain integer (most messages need no parsing twice to know they are fine).
     */
    static boolean oddId(byte[] body) {
        int at = indexOf(body, ID_KEY);
        if (at < 0) {
            return false;
        }
        int i = at + ID_KEY.length;
        while (i < body.length && (body[i] == ' ' || body[i] == '\t' || body[i] == '\r' || body[i] == '\n' || body[i] == ':')) {
            i++;
        }
        if (i >= body.length || body[i] == '"') {
            return false;
        }
        if (body[i] == '-' || body[i] >= '0' && body[i] <= '9') {
            for (int j = i + 1; j < body.length && "0123456789.eE+-".indexOf(body[j]) >= 0; j++) {
                if (body[j] == '.' || body[j] == 'e' || body[j] == 'E') {
                    return true;
                }
            }
            return false;
        }
        return true;
    }

    /** Answers a request whose own (top-level) id is unusable; false for anything else. */
    private boolean refused(byte[] body) {
        JsonObject message;
        try {
            JsonElement parsed = JsonParser.parseString(new String(body, StandardCharsets.UTF_8));
            if (!parsed.isJsonObject()) {
                return false;
            }
            message = parsed.getAsJsonObject();
        } catch (RuntimeException e) {
            return false; // not JSON: LSP4J reports it as it does
        }
        JsonElement id = message.get("id");
        if (id == null || !message.has("method") || usable(id)) {
            return false;
        }
        ResponseMessage answer = new ResponseMessage();
        answer.setJsonrpc("2.0");
        answer.setError(new ResponseError(ResponseErrorCode.InvalidRequest,
                Texts.of(ServerLog.BUNDLE, Locale.ENGLISH).get("request.invalidId"), null));
        answers.consume(answer);
        return true;
    }

    private static boolean usable(JsonElement id) {
        if (!id.isJsonPrimitive()) {
            return false;
        }
        var p = id.getAsJsonPrimitive();
        if (p.isString()) {
            return true;
        }
        if (!p.isNumber()) {
            return false;
        }
        try {
            p.getAsBigDecimal().longValueExact();
            return true;
        } catch (ArithmeticException e) {
            return false;
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
