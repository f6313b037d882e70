package dev.falconer.lsp;

import dev.falconer.text.TextPosition;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;

/**
 * JSON-RPC frames of requests as an editor writes them (header and body), numbered in turn: the
 * warm-up reads its requests from such frames, as the connection reads the editor's.
 */
final class RequestFrames {
    private int id;

    /** The number of the last request framed. */
    int lastId() {
        return id;
    }

    String position(String method, String uri, TextPosition at) {
        return position(method, uri, at, "");
    }

    /** {@code more}: further members of the params object, each with a leading comma. */
    String position(String method, String uri, TextPosition at, String more) {
        return request(method, "{\"textDocument\":{\"uri\":" + quote(uri) + "},\"position\":{\"line\":" + at.line()
                + ",\"character\":" + at.character() + "}" + more + "}");
    }

    String document(String method, String uri) {
        return request(method, "{\"textDocument\":{\"uri\":" + quote(uri) + "}}");
    }

    String request(String method, String params) {
        return framed("{\"jsonrpc\":\"2.0\",\"id\":" + (++id) + ",\"method\":\"" + method + "\",\"params\":" + params + "}");
    }

    static String notification(String method, String params) {
        return framed("{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"params\":" + params + "}");
    }

    private static String framed(String body) {
        return "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    /** Reads {@code frame} as the connection reads stdin (our reader of frames over a buffered stream) and hands its message to {@code to}. */
    static void read(String frame, MessageJsonHandler json, MessageConsumer to) {
        new WholeFrameReader(new BufferedInputStream(new ByteArrayInputStream(frame.getBytes(StandardCharsets.UTF_8))),
                json).listen(to);
    }

    static String quote(String s) {
        return new com.google.gson.JsonPrimitive(s).toString();
    }
}
