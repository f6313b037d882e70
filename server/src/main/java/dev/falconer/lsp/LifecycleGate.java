package dev.falconer.lsp;

import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.messages.Message;
import org.eclipse.lsp4j.jsonrpc.messages.NotificationMessage;
import org.eclipse.lsp4j.jsonrpc.messages.RequestMessage;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage;

/**
 * The protocol's lifecycle on incoming messages (LSP 3.17, initialize and shutdown): before
 * {@code initialize} a request is refused with ServerNotInitialized and a notification dropped
 * (but {@code exit}); after {@code shutdown} a request is refused with InvalidRequest. QA round
 * 20: a didOpen before initialize read the workspace with no folders, for the whole session.
 */
final class LifecycleGate {
    private final MessageConsumer out;
    private volatile boolean initializing;
    private volatile boolean shutDown;

    /** Refusals go to {@code out}. */
    LifecycleGate(MessageConsumer out) {
        this.out = out;
    }

    /** True when {@code message} was stopped (and, a request, answered with an error). */
    boolean stopped(Message message) {
        if (message instanceof RequestMessage r) {
            String method = r.getMethod();
            if (!initializing && !"initialize".equals(method)) {
                refuse(r, ResponseErrorCode.ServerNotInitialized.getValue(), "the server is not initialized yet");
                return true;
            }
            if (shutDown) {
                refuse(r, ResponseErrorCode.InvalidRequest.getValue(), "the server is shut down");
                return true;
            }
            if (initializing && "initialize".equals(method)) {
                refuse(r, ResponseErrorCode.InvalidRequest.getValue(), "the server is initialized already");
                return true; // "may only be sent once" (LSP 3.17)
            }
            if ("initialize".equals(method)) {
                initializing = true;
            } else if ("shutdown".equals(method)) {
                shutDown = true;
            }
            return false;
        }
        if (message instanceof NotificationMessage n && !"exit".equals(n.getMethod())) {
            return !initializing || shutDown;
        }
        return false;
    }

    private void refuse(RequestMessage r, int code, String why) {
        ResponseMessage answer = new ResponseMessage();
        answer.setJsonrpc(r.getJsonrpc() != null ? r.getJsonrpc() : "2.0");
        answer.setRawId(r.getRawId());
        answer.setError(new ResponseError(code, why, null));
        out.consume(answer);
    }
}
