package dev.falconer.lsp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.lsp4j.jsonrpc.MessageIssueHandler;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.json.StreamMessageProducer;

/**
 * LSP4J's reader of framed messages, reading each message's whole body before parsing it. LSP4J
 * parses straight from the stream, bounded by the frame's length, and leaves what the parser did
 * not read in the stream when the JSON is malformed: with a body over its 8 KB read buffer, the
 * rest was then read as the next frame's header and every later message was lost.
 */
final class WholeFrameReader extends StreamMessageProducer {
    WholeFrameReader(InputStream input, MessageJsonHandler json, MessageIssueHandler issues) {
        super(input, json, issues);
    }

    WholeFrameReader(InputStream input, MessageJsonHandler json) {
        super(input, json);
    }

    @Override
    protected boolean handleMessage(InputStream input, Headers headers) throws IOException {
        // a stream that ends inside the body gives what it had: the parser then reports it
        return super.handleMessage(new ByteArrayInputStream(input.readNBytes(headers.contentLength)), headers);
    }
}
