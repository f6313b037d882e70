package dev.falconer.lsp;

import com.google.gson.JsonObject;
import dev.falconer.service.ExplainLens;
import dev.falconer.service.FalconerService;
import dev.falconer.service.FalconerSettings;
import dev.falconer.workspace.WorkspaceSnapshot;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.Command;

/**
 * The explain lenses as LSP code lenses. A lens carries {@code {lens: "explain", uri, kind, name}}
 * as its data; its title (the summary) is filled in on {@code codeLens/resolve} unless already
 * known, so listing the lenses of a large file costs no explanation at all.
 */
final class ExplainLenses implements CodeLenses.Source {
    private static final String TAG = "explain";

    private final Supplier<FalconerService> service;

    ExplainLenses(Supplier<FalconerService> service) {
        this.service = service;
    }

    @Override
    public List<CodeLens> lenses(WorkspaceSnapshot workspace, String uri, FalconerSettings settings) {
        return service.get().explainLenses(workspace, uri, settings).stream().map(ExplainLenses::codeLens).toList();
    }

    @Override
    public CodeLens resolve(CodeLens lens, WorkspaceSnapshot workspace, FalconerSettings settings) {
        if (!(lens.getData() instanceof JsonObject data) || !data.has("lens")
                || !TAG.equals(data.get("lens").getAsString())) {
            return null;
        }
        return ExplainArguments.parse(List.of(data))
                .filter(a -> a.item() != null)
                .map(a -> codeLens(service.get().resolveExplainLens(
                        new ExplainLens(Lsp.range(lens.getRange()), a.uri(), a.item(), null), workspace, settings)))
                .orElse(lens);
    }

    private static CodeLens codeLens(ExplainLens l) {
        JsonObject argument = ExplainArguments.of(l.uri(), l.item());
        JsonObject data = argument.deepCopy();
        data.addProperty("lens", TAG);
        CodeLens out = new CodeLens(Lsp.range(l.range()));
        out.setData(data);
        if (l.resolved()) {
            out.setCommand(new Command(l.title(), ExplainLens.COMMAND, List.of(argument)));
        }
        return out;
    }
}
