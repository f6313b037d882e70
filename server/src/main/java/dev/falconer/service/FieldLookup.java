package dev.falconer.service;

import dev.falconer.catalog.FieldCatalog;
import dev.falconer.catalog.FieldInfo;
import dev.falconer.catalog.Resolution;
import dev.falconer.catalog.SourceScope;
import dev.falconer.rules.RuleItem;
import dev.falconer.rules.RulesItem;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the catalog entry behind a field as written, for documentation: unlike a check, it
 * returns the field even when it is used in the wrong place, with a note saying so.
 *
 * @param field         the field, or {@code null} when the name is unknown
 * @param wrongSource   the rule's source when the field does not apply to it, else {@code null}
 * @param missingPlugin the plugin to load when the field needs one, else {@code null}
 * @param wrongUserSources in a macro, the sources of the rules using it that the field does not apply to
 */
record FieldLookup(FieldInfo field, String wrongSource, String missingPlugin, List<String> wrongUserSources) {
    FieldLookup(FieldInfo field, String wrongSource, String missingPlugin) {
        this(field, wrongSource, missingPlugin, List.of());
    }

    /** The event source of a rule ({@code syscall} by default); {@code null} for macros, which serve every source. */
    static String sourceOf(RulesItem item) {
        if (item instanceof RuleItem r) {
            String s = r.sourceText();
            return s == null || s.isBlank() ? SourceScope.SYSCALL : s.strip();
        }
        return null;
    }

    static FieldLookup of(FieldCatalog catalog, String source, String name, String bracketArgument) {
        String asked = source == null ? SourceScope.SYSCALL : source;
        Resolution r = catalog.resolve(asked, name, bracketArgument);
        if (r instanceof Resolution.WrongSource x) {
            return new FieldLookup(x.field(), source == null ? null : source, null);
        }
        if (r instanceof Resolution.PluginNotLoaded x) {
            return new FieldLookup(x.field(), null, x.plugin());
        }
        if (r instanceof Resolution.Removed x) {
            return new FieldLookup(x.field(), null, x.movedToPlugin());
        }
        return new FieldLookup(r.meantField().or(() -> catalog.field(name)).orElse(null), null, null);
    }

    /**
     * The field as written in a macro, which serves every source: noted for the sources of
     * {@code userSources} (those of the rules using the macro) it does not apply to, as the
     * macro's diagnostics report it there.
     */
    static FieldLookup inMacro(FieldCatalog catalog, List<String> userSources, String name, String bracketArgument) {
        FieldLookup any = of(catalog, null, name, bracketArgument);
        List<String> wrong = new ArrayList<>();
        for (String source : userSources) {
            if (catalog.resolve(source, name, bracketArgument) instanceof Resolution.WrongSource) {
                wrong.add(source);
            }
        }
        return wrong.isEmpty() ? any : new FieldLookup(any.field(), null, any.missingPlugin(), List.copyOf(wrong));
    }

    boolean found() {
        return field != null;
    }
}
