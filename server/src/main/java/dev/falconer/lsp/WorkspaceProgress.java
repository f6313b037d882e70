package dev.falconer.lsp;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.WorkDoneProgressBegin;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;
import org.eclipse.lsp4j.WorkDoneProgressEnd;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * The reading of the workspace's rules files as work-done progress, for clients that show it: the
 * editor says the server is still reading ("Reading rules files"), then how many files it loaded.
 * A client that waits for the server to settle before opening its first document then also waits
 * for the files, whose first diagnostics would otherwise wait for them.
 */
final class WorkspaceProgress {
    private final LanguageClient client;
    private final Either<String, Integer> token;
    /** Completes once {@code begin} went out, or at once when there is nothing to report to. */
    private final CompletableFuture<Void> begun;
    private final AtomicBoolean ended = new AtomicBoolean();

    private WorkspaceProgress(LanguageClient client, Either<String, Integer> token, CompletableFuture<Void> begun) {
        this.client = client;
        this.token = token;
        this.begun = begun;
    }

    /** Starts reporting reading number {@code reading}; reports nothing when {@code client} is {@code null}. */
    static WorkspaceProgress begin(LanguageClient client, long reading, String title) {
        if (client == null) {
            return new WorkspaceProgress(null, null, CompletableFuture.completedFuture(null));
        }
        Either<String, Integer> token = Either.forLeft("falconer/workspace/" + reading);
        CompletableFuture<Void> begun;
        try {
            // progress may only be reported once the client has created the token
            begun = client.createProgress(new WorkDoneProgressCreateParams(token)).thenRun(() -> {
                WorkDoneProgressBegin begin = new WorkDoneProgressBegin();
                begin.setTitle(title);
                client.notifyProgress(new ProgressParams(token, Either.forLeft(begin)));
            });
        } catch (RuntimeException e) {
            begun = CompletableFuture.failedFuture(e); // the connection is going away
        }
        return new WorkspaceProgress(client, token, begun);
    }

    /** Ends the report with {@code message}, after its begin, once; nothing when the client refused the token. */
    void end(String message) {
        if (client == null || !ended.compareAndSet(false, true)) {
            return;
        }
        begun.thenRun(() -> {
            WorkDoneProgressEnd end = new WorkDoneProgressEnd();
            end.setMessage(message);
            client.notifyProgress(new ProgressParams(token, Either.forLeft(end)));
        });
    }
}
