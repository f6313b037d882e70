package dev.falconer.explain;

import dev.falconer.rules.ItemKind;
import dev.falconer.workspace.Definition;
import dev.falconer.workspace.RulesWorkspace;
import dev.falconer.workspace.WorkspaceSnapshot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Rules files loaded through the real workspace, as the server and the command line load them. */
public record LoadedRules(WorkspaceSnapshot snapshot, WorkspaceExplainItems symbols) {

    public static LoadedRules load(List<Path> files) {
        RulesWorkspace workspace = new RulesWorkspace();
        workspace.setRulesFiles(files);
        WorkspaceSnapshot snapshot = workspace.snapshot();
        return new LoadedRules(snapshot, new WorkspaceExplainItems(snapshot.merged()));
    }

    /** The effective rules, in Falco's order. */
    public List<RuleDoc> rules() {
        return snapshot.merged().rules().keySet().stream().map(symbols::rule).flatMap(java.util.Optional::stream)
                .toList();
    }

    /** The effective macros, in Falco's order. */
    public List<MacroDoc> macros() {
        return snapshot.merged().macros().keySet().stream().map(symbols::macro).flatMap(java.util.Optional::stream)
                .toList();
    }

    /** Rules and macros defined (not only appended to) in the given file. */
    public List<ExplainItem> definedIn(Path file) {
        String uri = RulesWorkspace.uriOf(file);
        List<ExplainItem> items = new ArrayList<>();
        for (Definition d : snapshot.merged().definitions()) {
            if (!d.uri().equals(uri) || d.role() != Definition.Role.DEFINE) {
                continue;
            }
            if (d.key().kind() == ItemKind.RULE) {
                symbols.rule(d.key().name()).ifPresent(items::add);
            } else if (d.key().kind() == ItemKind.MACRO) {
                symbols.macro(d.key().name()).ifPresent(items::add);
            }
        }
        return items;
    }
}
