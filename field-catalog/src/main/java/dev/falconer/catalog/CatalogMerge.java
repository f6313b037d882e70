package dev.falconer.catalog;

import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

/** How an imported field combines with the field we already know by that name. */
final class CatalogMerge {

    private CatalogMerge() {
    }

    static FieldInfo merge(FieldInfo ours, ImportedField in) {
        if (ours == null) {
            return new FieldInfo(in.name(), SourceScope.of(in.sources()), in.fieldClass(), in.type(), in.list(),
                    in.argument(), in.flags(), null, null, in.plugin(),
                    LocalizedText.importedOnly(in.description()), LocalizedText.EMPTY);
        }
        EnumSet<FieldFlag> flags = ours.flags().isEmpty() ? EnumSet.noneOf(FieldFlag.class) : EnumSet.copyOf(ours.flags());
        flags.addAll(in.flags());
        return new FieldInfo(ours.name(), scope(ours, in), ours.fieldClass(), in.type(), in.list(), argument(ours, in),
                flags, ours.since(), null, in.plugin() != null ? in.plugin() : ours.plugin(),
                ours.description().withImported(in.description()), ours.phrase());
    }

    static CatalogChange change(FieldInfo ours, ImportedField in) {
        if (ours == null) {
            return new CatalogChange(in.name(), CatalogChange.Kind.ADDED, Set.of());
        }
        Set<CatalogChange.Aspect> changed = EnumSet.noneOf(CatalogChange.Aspect.class);
        if (ours.type() != in.type()) {
            changed.add(CatalogChange.Aspect.TYPE);
        }
        if (ours.list() != in.list()) {
            changed.add(CatalogChange.Aspect.LIST);
        }
        if (!argument(ours, in).equals(ours.argument())) {
            changed.add(CatalogChange.Aspect.ARGUMENT);
        }
        if (!scope(ours, in).equals(ours.scope())) {
            changed.add(CatalogChange.Aspect.SOURCES);
        }
        return new CatalogChange(in.name(), changed.isEmpty() ? CatalogChange.Kind.UNCHANGED : CatalogChange.Kind.CHANGED,
                changed);
    }

    /** Generic scopes (every source, every plugin source) stay; named ones widen to the imported sources. */
    private static SourceScope scope(FieldInfo ours, ImportedField in) {
        if (ours.scope().kind() != SourceScope.Kind.NAMED) {
            return ours.scope();
        }
        Set<String> union = new TreeSet<>(ours.scope().sources());
        union.addAll(in.sources());
        return SourceScope.of(union);
    }

    /**
     * Falco's listing cannot express the hand-coded forms of built-ins ({@code evt.arg.NAME} …), so
     * ours stays while the presence agrees; otherwise the imported declaration wins.
     */
    private static ArgumentSpec argument(FieldInfo ours, ImportedField in) {
        boolean builtinBothTakeOne = ours.plugin() == null && ours.argument().takesArgument()
                && in.argument().takesArgument();
        if (builtinBothTakeOne || ours.argument().presence() == in.argument().presence()) {
            return ours.argument();
        }
        return in.argument();
    }
}
