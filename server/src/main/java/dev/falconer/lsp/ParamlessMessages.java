package dev.falconer.lsp;

import java.util.Set;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.messages.Message;
import org.eclipse.lsp4j.jsonrpc.messages.NotificationMessage;
import org.eclipse.lsp4j.jsonrpc.messages.RequestMessage;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage;

/**
 * Messages that come without the parameters their method needs, stopped before LSP4J hands them
 * to a handler: a request is refused as InvalidParams (it failed inside the handler, answered as
 * an internal error with a Java stack trace), a notification is ignored with a warning.
 */
final class ParamlessMessages {
    /** The methods of the protocol that take no parameters (or whose parameters may be left out). */
    private static final Set<String> PARAMLESS = Set.of("shutdown", "exit", "initialized");

    private final Set<String> methods;
    private final MessageConsumer out;
    private final ServerLog log;

    /** {@code methods}: those the server answers (others are LSP4J's to refuse); answers go to {@code out}. */
    ParamlessMessages(Set<String> methods, MessageConsumer out, ServerLog log) {
        this.methods = methods;
        this.out = out;
        this.log = log;
    }

    /** True when {@code message} was stopped (and, a request, answered). */
    boolean stopped(Message message) {
        if (message instanceof RequestMessage r && r.getParams() == null && methods.contains(r.getMethod())
                && !PARAMLESS.contains(r.getMethod())) {
            ResponseMessage answer = new ResponseMessage();
            answer.setJsonrpc(r.getJsonrpc() != null ? r.getJsonrpc() : "2.0");
            answer.setRawId(r.getRawId());
            answer.setError(Lsp.lacking("params"));
            out.consume(answer);
            return true;
        }
        if (message instanceof NotificationMessage n && n.getParams() == null && methods.contains(n.getMethod())
                && !PARAMLESS.contains(n.getMethod())) {
            log.warn("notification.noParams", n.getMethod());
            return true;
        }
        return false;
    }
}
