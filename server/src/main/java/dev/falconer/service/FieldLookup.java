package dev.falconer.service;

import dev.falconer.catalog.FieldCatalog;
import dev.falconer.catalog.FieldInfo;
import dev.falconer.catalog.Resolution;
import dev.falconer.catalog.SourceScope;
import dev.falconer.rules.RuleItem;
import dev.falconer.rules.RulesItem;

/**
 * Finds the catalog entry behind a field as written, for documentation: unlike a check, it
 * returns the field even when it is used in the wrong place, with a note saying so.
 *
 * @param field         the field, or {@code null} when the name is unknown
 * @param wrongSource   the rule's source when the field does not apply to it, else {@code null}
 * @param missingPlugin the plugin to load when the field needs one, else {@code null}
 */
record FieldLookup(FieldInfo field, String wrongSource, String missingPlugin) {

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

    boolean found() {
        return field != null;
    }
}
