package dev.falconer.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.ConfigurationParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * The client side of the harnesses that drive the real server over JSON-RPC: notes the version of
 * every diagnostics publication in {@code published} (and wakes whoever waits on that map),
 * answers configuration pulls with defaults and accepts registrations, prints the server's
 * errors. {@link #heard} runs whenever the server sends something other than diagnostics.
 */
class BenchClient implements LanguageClient {
    private final Map<String, Integer> published;

    BenchClient(Map<String, Integer> published) {
        this.published = published;
    }

    /** The server sent a log line, a configuration pull or a registration. */
    protected void heard() {
    }

    @Override
    public void telemetryEvent(Object object) {
    }

    @Override
    public void publishDiagnostics(PublishDiagnosticsParams d) {
        published.put(d.getUri(), d.getVersion() == null ? -1 : d.getVersion());
        synchronized (published) {
            published.notifyAll();
        }
    }

    @Override
    public void showMessage(MessageParams m) {
    }

    @Override
    public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams r) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void logMessage(MessageParams m) {
        heard();
        if (m.getType() == MessageType.Error) {
            System.err.println("server: " + m.getMessage());
        }
    }

    @Override
    public CompletableFuture<List<Object>> configuration(ConfigurationParams params) {
        heard();
        List<Object> out = new ArrayList<>();
        params.getItems().forEach(i -> out.add(null));
        return CompletableFuture.completedFuture(out);
    }

    @Override
    public CompletableFuture<Void> registerCapability(RegistrationParams params) {
        heard();
        return CompletableFuture.completedFuture(null);
    }
}
