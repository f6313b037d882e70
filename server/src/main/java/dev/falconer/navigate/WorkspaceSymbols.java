package dev.falconer.navigate;

import dev.falconer.workspace.Definition;
import dev.falconer.workspace.RulesWorkspace;
import dev.falconer.workspace.SymbolKey;
import dev.falconer.workspace.WorkspaceSnapshot;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Workspace symbols: every list, macro and rule entry of every loaded file whose name matches the
 * query, the way editors match (case-insensitive, the query's characters in order). Capped so
 * that a one-letter query on a large workspace stays instant.
 */
public final class WorkspaceSymbols {
    public static final int LIMIT = 500;

    private WorkspaceSymbols() {
    }

    public static List<WorkspaceSymbol> search(WorkspaceSnapshot snapshot, String query) {
        String q = query == null ? "" : query.toLowerCase(Locale.ROOT);
        List<WorkspaceSymbol> out = new ArrayList<>();
        for (Map.Entry<SymbolKey, List<Definition>> e : snapshot.symbols().allDefinitions().entrySet()) {
            if (!matches(e.getKey().name().toLowerCase(Locale.ROOT), q)) {
                continue;
            }
            for (Definition d : e.getValue()) {
                Location l = Locations.of(snapshot, d.nameLocation());
                if (l == null) {
                    continue;
                }
                WorkspaceSymbol s = new WorkspaceSymbol(d.key().name(), DocumentSymbols.kindOf(d.key().kind()),
                        Either.forLeft(l));
                s.setContainerName(RulesWorkspace.fileNameOf(d.uri()));
                out.add(s);
                if (out.size() >= LIMIT) {
                    return out;
                }
            }
        }
        return out;
    }

    /** The query's characters appear in the name in order. */
    static boolean matches(String name, String query) {
        int at = 0;
        for (int i = 0; i < query.length(); i++) {
            at = name.indexOf(query.charAt(i), at);
            if (at < 0) {
                return false;
            }
            at++;
        }
        return true;
    }
}
