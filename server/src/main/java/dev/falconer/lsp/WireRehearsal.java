package dev.falconer.lsp;

import java.io.OutputStream;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.jsonrpc.RemoteEndpoint;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.Message;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage;
import org.eclipse.lsp4j.jsonrpc.services.ServiceEndpoints;

/**
 * Requests taken the whole way an editor's take: read from their frames out of a buffered stream
 * (as from stdin), dispatched by LSP4J's endpoint to the server's own handlers, answered through
 * the connection's writer. Calling the handlers directly left the reading and the dispatch (LSP4J's
 * endpoint, its reflective call, the future that carries the answer back) to be compiled during a
 * session's first hovers: C1 compiled 75-96 methods while lspprobe hovered, 36-52 since.
 */
final class WireRehearsal {
    /**
     * How long an answer may take: a pooled request can queue behind the background work of an
     * edit on a loaded machine, and a late answer would end the rehearsal early.
     */
    static final int ANSWER_SECONDS = 10;

    private final MessageJsonHandler json;
    private final RemoteEndpoint endpoint;
    private final BlockingQueue<Message> answers = new LinkedBlockingQueue<>();

    /** {@code server}: the object whose {@code @JsonRequest} methods answer (the language server). */
    WireRehearsal(Object server, MessageJsonHandler json) {
        this.json = json;
        MessageWriter writer = new MessageWriter(OutputStream.nullOutputStream(), () -> json); // written, then dropped
        this.endpoint = new RemoteEndpoint(message -> {
            writer.consume(message);
            answers.add(message);
        }, ServiceEndpoints.toEndpoint(server));
    }

    /**
     * Sends {@code frame} (one request) and waits for its answer: false when it failed (the
     * endpoint answers a handler's exception with an error, e.g. when the request pool has closed)
     * or none came within {@link #ANSWER_SECONDS}. The wait ends at once when the thread is
     * interrupted (the user's first request stops the warm-up).
     */
    boolean send(String frame) throws InterruptedException {
        RequestFrames.read(frame, json, endpoint);
        return answers.poll(ANSWER_SECONDS, TimeUnit.SECONDS) instanceof ResponseMessage r && r.getError() == null;
    }
}
