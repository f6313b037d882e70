package dev.falconer.lsp;

import dev.falconer.navigate.Navigator;
import dev.falconer.service.FalconerService;
import dev.falconer.service.FalconerSettings;
import dev.falconer.workspace.WorkspaceSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.lsp4j.CodeLens;

/**
 * The code lenses of a document, gathered from every feature that shows lenses (explain,
 * references …): one {@link Source} per feature, each answering for its own lenses on resolve.
 */
final class CodeLenses {

    /** One feature's lenses. */
    interface Source {
        List<CodeLens> lenses(WorkspaceSnapshot workspace, String uri, FalconerSettings settings);

        /** The lens with its command filled in, or {@code null} when the lens is not this source's. */
        default CodeLens resolve(CodeLens lens, WorkspaceSnapshot workspace, FalconerSettings settings) {
            return null;
        }
    }

    private final List<Source> sources;

    CodeLenses(List<Source> sources) {
        this.sources = List.copyOf(sources);
    }

    /**
     * The server's lenses: explain lenses and "N references" lenses. The references lenses of an
     * unchanged document are kept in {@code answers} (counting references walks the workspace).
     */
    static CodeLenses of(Supplier<FalconerService> service, Supplier<Navigator> navigator, LastAnswers answers) {
        return new CodeLenses(List.of(new ExplainLenses(service), new Source() {
            @Override
            public List<CodeLens> lenses(WorkspaceSnapshot ws, String uri, FalconerSettings settings) {
                Navigator nav = navigator.get();
                return answers.get("referenceLenses", uri, () -> nav.referenceLenses(ws, uri,
                        settings.referencesCodeLens()), ws, settings, nav);
            }

            @Override
            public CodeLens resolve(CodeLens lens, WorkspaceSnapshot ws, FalconerSettings settings) {
                return navigator.get().resolveReferenceLens(lens, ws, settings.locale());
            }
        }));
    }

    /** Every source's lenses, their data packed (see {@link LensData}). */
    List<CodeLens> lenses(WorkspaceSnapshot workspace, String uri, FalconerSettings settings) {
        List<CodeLens> out = new ArrayList<>();
        for (Source s : sources) {
            for (CodeLens lens : s.lenses(workspace, uri, settings)) {
                // a copy: a source may keep its lenses for the next request
                out.add(new CodeLens(lens.getRange(), lens.getCommand(), LensData.pack(lens.getData())));
            }
        }
        return out;
    }

    /** The lens resolved by the source it came from; unchanged when no source claims it. */
    CodeLens resolve(CodeLens packed, WorkspaceSnapshot workspace, FalconerSettings settings) {
        CodeLens lens = new CodeLens(packed.getRange(), packed.getCommand(), LensData.unpack(packed.getData()));
        for (Source s : sources) {
            CodeLens resolved = s.resolve(lens, workspace, settings);
            if (resolved != null) {
                return resolved;
            }
        }
        return packed;
    }
}
