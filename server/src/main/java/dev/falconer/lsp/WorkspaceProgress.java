package dev.falconer.lsp;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.WorkDoneProgressBegin;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;
import org.eclipse.lsp4j.WorkDoneProgressEnd;
import org.eclipse.lsp4j.WorkDoneProgressNotification;
import org.eclipse.lsp4j.WorkDoneProgressReport;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * The reading of the workspace's rules files as work-done progress, for clients that show it: the
 * editor says the server is reading ("Reading rules files"), which file it took and how far it
 * is, then how many files it loaded. A client that waits for the server to settle before opening
 * its first document then also waits for the files, whose first diagnostics would otherwise wait
 * for them.
 */
final class WorkspaceProgress {
    /** The part of the bar the files fill; merging them takes the rest. */
    private static final int FILES_PERCENT = 90;

    private final LanguageClient client;
    private final Either<String, Integer> token;
    /**
     * The last notification's sending: each next one is chained to it, so they go out in order
     * once the client has created the token (dependents of one future would run in no set order).
     */
    private CompletableFuture<Void> tail;
    private int percent;
    private boolean ended;

    private WorkspaceProgress(LanguageClient client, Either<String, Integer> token, CompletableFuture<Void> tail) {
        this.client = client;
        this.token = token;
        this.tail = tail;
    }

    /** Starts reporting reading number {@code reading}; reports nothing when {@code client} is {@code null}. */
    static WorkspaceProgress begin(LanguageClient client, long reading, String title) {
        if (client == null) {
            return new WorkspaceProgress(null, null, null);
        }
        Either<String, Integer> token = Either.forLeft("falconer/workspace/" + reading);
        WorkspaceProgress progress;
        try {
            // progress may only be reported once the client has created the token
            progress = new WorkspaceProgress(client, token,
                    client.createProgress(new WorkDoneProgressCreateParams(token)).thenApply(created -> null));
        } catch (RuntimeException e) {
            return new WorkspaceProgress(null, null, null); // the connection is going away
        }
        WorkDoneProgressBegin begin = new WorkDoneProgressBegin();
        begin.setTitle(title);
        begin.setPercentage(0);
        progress.send(begin);
        return progress;
    }

    /**
     * Reports that file {@code taken} of {@code total} was read, named by {@code message}; only when
     * the bar moves by a whole percent, so that thousands of files make at most a hundred reports.
     */
    synchronized void fileTaken(int taken, int total, Supplier<String> message) {
        int now = total <= 0 ? FILES_PERCENT : (int) ((long) FILES_PERCENT * taken / total);
        if (client == null || ended || now == percent) {
            return;
        }
        percent = now;
        WorkDoneProgressReport report = new WorkDoneProgressReport();
        report.setMessage(message.get());
        report.setPercentage(now);
        send(report);
    }

    /** Ends the report with {@code message}, after what was reported before, once. */
    synchronized void end(String message) {
        if (client == null || ended) {
            return;
        }
        ended = true;
        WorkDoneProgressEnd end = new WorkDoneProgressEnd();
        end.setMessage(message);
        send(end);
    }

    /** Nothing is sent when the client refused the token (the chain then stays failed). */
    private void send(WorkDoneProgressNotification notification) {
        tail = tail.thenRun(() -> client.notifyProgress(new ProgressParams(token, Either.forLeft(notification))));
    }
}
