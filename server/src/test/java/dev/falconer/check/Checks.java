package dev.falconer.check;

import dev.falconer.catalog.FieldCatalog;
import dev.falconer.condition.ConditionParser;
import dev.falconer.workspace.RulesWorkspace;
import dev.falconer.workspace.WorkspaceSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Test helper: checks in-memory files loaded in order, like {@code falco -r f1 -r f2}. */
final class Checks {
    static final Diagnoser DIAGNOSER = new Diagnoser(FieldCatalog.defaults());

    private Checks() {
    }

    static WorkspaceSnapshot snapshot(String... texts) {
        RulesWorkspace ws = new RulesWorkspace(ConditionParser::parse);
        for (int i = 0; i < texts.length; i++) {
            ws.open(uri(i), 1, texts[i]);
        }
        return ws.snapshot();
    }

    static String uri(int i) {
        return "file:///test/f" + i + ".yaml";
    }

    /** Diagnostics of the last file. */
    static List<Diagnostic> last(String... texts) {
        return DIAGNOSER.diagnose(snapshot(texts), uri(texts.length - 1), CheckSettings.defaults());
    }

    /** Diagnostics of every file. */
    static List<Diagnostic> all(String... texts) {
        List<Diagnostic> out = new ArrayList<>();
        DIAGNOSER.diagnoseAll(snapshot(texts), CheckSettings.defaults()).values().forEach(out::addAll);
        return out;
    }

    static List<String> codes(List<Diagnostic> ds) {
        return ds.stream().map(d -> d.code().id()).toList();
    }

    /** {@code code@line:col-line:col} (1-based) of each diagnostic, for readable assertions. */
    static String describe(List<Diagnostic> ds) {
        return ds.stream().map(d -> d.code().id() + "@" + (d.range().start().line() + 1) + ":"
                + (d.range().start().character() + 1) + "-" + (d.range().end().line() + 1) + ":"
                + (d.range().end().character() + 1) + " " + d.message(Locale.ENGLISH))
                .collect(Collectors.joining("\n"));
    }

    /** The document text under a diagnostic. */
    static String culprit(String text, Diagnostic d) {
        return text.substring(d.span().start(), d.span().end());
    }
}
