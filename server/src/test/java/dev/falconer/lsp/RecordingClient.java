package dev.falconer.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ConfigurationParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * The editor side of the lifecycle tests: records what the server pushes and answers
 * {@code workspace/configuration} with a settings object chosen by the test.
 */
final class RecordingClient implements LanguageClient {
    final BlockingQueue<PublishDiagnosticsParams> diagnostics = new LinkedBlockingQueue<>();
    final List<MessageParams> logs = new CopyOnWriteArrayList<>();
    final List<RegistrationParams> registrations = new CopyOnWriteArrayList<>();
    /** Work-done progress in the order it came: the token created, then each report of it. */
    final List<Object> progress = new CopyOnWriteArrayList<>();
    volatile JsonElement settings = JsonParser.parseString("{}");
    /** The client's answer to {@code window/workDoneProgress/create}: at once, unless a test holds it back. */
    volatile CompletableFuture<Void> progressCreated = CompletableFuture.completedFuture(null);

    @Override
    public void telemetryEvent(Object object) {
    }

    @Override
    public void publishDiagnostics(PublishDiagnosticsParams params) {
        diagnostics.add(params);
    }

    @Override
    public void showMessage(MessageParams params) {
    }

    @Override
    public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams params) {
        return CompletableFuture.completedFuture(null);
    }

    /** How many times the server asked for the settings ({@code workspace/configuration}). */
    final java.util.concurrent.atomic.AtomicInteger configurationPulls = new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public void logMessage(MessageParams params) {
        logs.add(params);
    }

    @Override
    public CompletableFuture<List<Object>> configuration(ConfigurationParams params) {
        configurationPulls.incrementAndGet();
        return CompletableFuture.completedFuture(params.getItems().stream().map(i -> (Object) settings).toList());
    }

    @Override
    public CompletableFuture<Void> registerCapability(RegistrationParams params) {
        registrations.add(params);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> createProgress(WorkDoneProgressCreateParams params) {
        progress.add(params);
        return progressCreated;
    }

    @Override
    public void notifyProgress(ProgressParams params) {
        progress.add(params);
    }

    /** How many times the server asked for every code lens again. */
    final java.util.concurrent.atomic.AtomicInteger lensRefreshes = new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public CompletableFuture<Void> refreshCodeLenses() {
        lensRefreshes.incrementAndGet();
        return CompletableFuture.completedFuture(null);
    }

    /** Waits (two seconds at most) for a log line containing {@code text}. */
    void awaitLog(String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (System.nanoTime() < deadline) {
            if (logs.stream().anyMatch(m -> m.getMessage().contains(text))) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no log line with " + text + " in " + logs);
    }

    /** The next diagnostics for {@code uri}, skipping others; fails after ten seconds. */
    PublishDiagnosticsParams nextDiagnostics(String uri) throws InterruptedException {
        return nextDiagnostics(uri, Integer.MIN_VALUE);
    }

    /**
     * The next diagnostics for {@code uri} of at least {@code version}. Older versions may be
     * published again meanwhile (a settings reply re-checks open files), so they are skipped.
     */
    PublishDiagnosticsParams nextDiagnostics(String uri, int version) throws InterruptedException {
        // A guard against a hang, not a timing: on a loaded 2-core machine running the whole
        // suite, a server's first analysis took more than two seconds.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            PublishDiagnosticsParams p = diagnostics.poll(50, TimeUnit.MILLISECONDS);
            if (p != null && p.getUri().equals(uri) && (p.getVersion() == null || p.getVersion() >= version)) {
                return p;
            }
        }
        throw new AssertionError("no diagnostics for " + uri + " at version " + version);
    }
}
