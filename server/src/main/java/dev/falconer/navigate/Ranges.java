package dev.falconer.navigate;

import dev.falconer.text.LineIndex;
import dev.falconer.text.TextPosition;
import dev.falconer.text.TextSpan;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/** Offsets of a document to LSP4J positions and ranges. */
final class Ranges {
    private Ranges() {
    }

    static Range range(LineIndex index, TextSpan span) {
        return new Range(position(index, span.start()), position(index, span.end()));
    }

    static Position position(LineIndex index, int offset) {
        TextPosition p = index.position(offset);
        return new Position(p.line(), p.character());
    }

    static Position position(TextPosition p) {
        return new Position(p.line(), p.character());
    }
}
