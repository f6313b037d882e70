package dev.falconer.lsp;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.eclipse.lsp4j.jsonrpc.JsonRpcException;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.Message;

/**
 * Writes the server's messages to the client, in place of LSP4J's {@code StreamMessageConsumer}:
 * <ul>
 * <li>the JSON goes straight into a kept UTF-8 buffer ({@link Utf8Buffer}) instead of a string
 * builder, a string and a byte array per message;</li>
 * <li>header and content leave in one write. LSP4J writes them separately; on stdio that was two
 * system calls, and the client, woken by the header alone, could take the CPU from the server
 * before the content followed (a 400-byte hover answer spent 0.7-4 ms in those writes on a 2-core
 * machine).</li>
 * </ul>
 * As in LSP4J, a message is serialized outside the lock that orders the writes: an answer does
 * not wait for a large notification to be written out. One buffer is kept; a message serialized
 * while another thread holds it gets a buffer of its own.
 */
final class MessageWriter implements MessageConsumer {
    /** The largest buffer kept between messages: the usual large answers (outline, lenses) are ~64 KB. */
    static final int KEPT = 128 * 1024;

    private final OutputStream out;
    private final Supplier<MessageJsonHandler> json;
    /** Held while a message goes out: the messages of several threads do not interleave. */
    private final Object writing = new Object();
    private final AtomicReference<Utf8Buffer> spare = new AtomicReference<>(new Utf8Buffer(KEPT));

    /** {@code json}: the connection's codec, asked for at the first message (it is made with the connection). */
    MessageWriter(OutputStream out, Supplier<MessageJsonHandler> json) {
        this.out = out;
        this.json = json;
    }

    @Override
    public void consume(Message message) {
        Utf8Buffer buffer = spare.getAndSet(null);
        if (buffer == null) {
            buffer = new Utf8Buffer(KEPT);
        }
        try {
            json.get().serialize(message, buffer);
            String header = "Content-Length: " + buffer.size() + "\r\n\r\n";
            synchronized (writing) {
                buffer.writeTo(out, header);
                out.flush();
            }
        } catch (IOException e) {
            throw new JsonRpcException(e);
        } finally {
            buffer.reset();
            spare.set(buffer);
        }
    }
}
