package dev.falconer.lsp;

import dev.falconer.service.Texts;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * The server's log: every line goes to stderr (stdout belongs to JSON-RPC) and, once a client
 * is connected, to {@code window/logMessage} so it shows in the editor's output panel.
 * Texts come from {@code dev/falconer/lsp/Messages*.properties}.
 */
public final class ServerLog {
    static final String BUNDLE = "dev.falconer.lsp.Messages";

    private final PrintStream err;
    private volatile LanguageClient client;
    private volatile Texts texts = Texts.of(BUNDLE, Locale.ENGLISH);

    public ServerLog(PrintStream err) {
        this.err = err;
    }

    void connect(LanguageClient languageClient) {
        this.client = languageClient;
    }

    void locale(Locale locale) {
        this.texts = Texts.of(BUNDLE, locale);
    }

    /** The text of {@code key} in the log's language, for what the server shows other than log lines. */
    String text(String key, Object... args) {
        return texts.get(key, args);
    }

    public void info(String key, Object... args) {
        emit(MessageType.Info, texts.get(key, args), null);
    }

    public void warn(String key, Object... args) {
        emit(MessageType.Warning, texts.get(key, args), null);
    }

    public void error(Throwable failure, String key, Object... args) {
        emit(MessageType.Error, texts.get(key, args), failure);
    }

    private void emit(MessageType type, String text, Throwable failure) {
        String line = failure == null ? text : text + "\n" + stackTrace(failure);
        err.println("falconer [" + type.name().toLowerCase(Locale.ROOT) + "] " + line);
        LanguageClient c = client;
        if (c != null) {
            try {
                c.logMessage(new MessageParams(type, line));
            } catch (RuntimeException ignored) {
                // The connection is going away; stderr already has the line.
            }
        }
    }

    private static String stackTrace(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}
