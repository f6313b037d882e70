package dev.falconer.lsp;

import dev.falconer.service.FalconerDiagnostic;
import dev.falconer.text.ContentChange;
import dev.falconer.text.TextPosition;
import dev.falconer.text.TextRange;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DiagnosticTag;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;

/** Conversions between LSP4J's protocol types and our models; nothing else. */
final class Lsp {
    static final String SOURCE = "falconer";

    private Lsp() {
    }

    static TextPosition position(Position p) {
        return new TextPosition(p.getLine(), p.getCharacter());
    }

    static Position position(TextPosition p) {
        return new Position(p.line(), p.character());
    }

    static Range range(TextRange r) {
        return new Range(position(r.start()), position(r.end()));
    }

    static TextRange range(Range r) {
        return new TextRange(position(r.getStart()), position(r.getEnd()));
    }

    static List<ContentChange> changes(List<TextDocumentContentChangeEvent> events) {
        List<ContentChange> out = new ArrayList<>(events.size());
        for (TextDocumentContentChangeEvent e : events) {
            out.add(e.getRange() == null ? ContentChange.full(e.getText()) : new ContentChange(range(e.getRange()), e.getText()));
        }
        return out;
    }

    static Diagnostic diagnostic(FalconerDiagnostic d) {
        Diagnostic out = new Diagnostic(range(d.range()), d.message(), severity(d), SOURCE, d.code());
        List<DiagnosticTag> tags = new ArrayList<>();
        if (d.unnecessary()) {
            tags.add(DiagnosticTag.Unnecessary);
        }
        if (d.deprecated()) {
            tags.add(DiagnosticTag.Deprecated);
        }
        if (!tags.isEmpty()) {
            out.setTags(tags);
        }
        if (!d.related().isEmpty()) {
            List<DiagnosticRelatedInformation> related = new ArrayList<>();
            for (FalconerDiagnostic.Related r : d.related()) {
                related.add(new DiagnosticRelatedInformation(new Location(r.uri(), range(r.range())), r.message()));
            }
            out.setRelatedInformation(related);
        }
        return out;
    }

    private static DiagnosticSeverity severity(FalconerDiagnostic d) {
        return switch (d.severity()) {
            case ERROR -> DiagnosticSeverity.Error;
            case WARNING -> DiagnosticSeverity.Warning;
            case INFORMATION -> DiagnosticSeverity.Information;
            case HINT, OFF -> DiagnosticSeverity.Hint;
        };
    }
}
