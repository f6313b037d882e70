package dev.falconer.explain;

import dev.falconer.catalog.FieldCatalog;
import dev.falconer.catalog.FieldInfo;
import dev.falconer.catalog.LocalizedText;
import dev.falconer.catalog.Resolution;
import dev.falconer.condition.FieldArg;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The explainer's context in the server: field phrases from the field catalog for the item's
 * event source, macros and lists from the workspace, and our value glosses.
 */
public final class CatalogExplainContext implements ExplainContext {

    private final FieldCatalog catalog;
    private final String source;
    private final ExplainSymbols symbols;
    private final ValueGlosses glosses;
    private final java.util.Map<Locale, java.util.Map<String, Clause>> macroBodies =
            new java.util.concurrent.ConcurrentHashMap<>();

    public CatalogExplainContext(FieldCatalog catalog, String source, ExplainSymbols symbols) {
        this(catalog, source, symbols, ValueGlosses.builtIn());
    }

    public CatalogExplainContext(FieldCatalog catalog, String source, ExplainSymbols symbols, ValueGlosses glosses) {
        this.catalog = catalog;
        this.source = source == null || source.isBlank() ? "syscall" : source;
        this.symbols = symbols;
        this.glosses = glosses;
    }

    @Override
    public boolean isFieldName(String text) {
        int bracket = text.indexOf('[');
        String name = bracket > 0 ? text.substring(0, bracket) : text;
        return name.indexOf('.') > 0 && catalog.field(source, name).isPresent();
    }

    @Override
    public Optional<FieldWords> field(String fieldName, FieldArg arg, Locale locale) {
        Resolution r = catalog.resolve(source, fieldName, arg == null ? null : arg.value());
        FieldInfo info = r.meantField().or(() -> catalog.field(fieldName)).orElse(null);
        if (info == null) {
            return Optional.empty();
        }
        String lang = Phrasebook.supported(locale).getLanguage();
        LocalizedText phrase = info.phrase();
        // Only our own text in the asked language: an English phrase must not stand in Japanese.
        if (!phrase.has(lang)) {
            return Optional.empty();
        }
        String argument = r instanceof Resolution.Resolved res && res.argument() != null ? res.argument().text()
                : arg != null ? arg.value()
                : fieldName.equals(info.name()) ? null
                : fieldName.substring(info.name().length() + 1); // a dotted argument the catalog rejected
        return Optional.of(new FieldWords(info.name(), phrase.get(locale), argument));
    }

    @Override
    public boolean holdsList(String fieldName) {
        return catalog.field(fieldName).filter(f -> f.list()).isPresent();
    }

    /** Relative times are nanoseconds, except the fields named for another unit ({@code evt.latency.s}). */
    @Override
    public boolean holdsOneValue(String fieldName) {
        return catalog.field(fieldName).filter(f -> !f.list()).isPresent();
    }

    @Override
    public boolean isDuration(String fieldName) {
        return !fieldName.endsWith(".s") && catalog.field(fieldName)
                .filter(f -> f.type() == dev.falconer.catalog.FieldType.RELTIME).isPresent();
    }

    @Override
    public Optional<MacroDoc> macro(String name) {
        return symbols.macro(name);
    }

    @Override
    public boolean macroVisibleFrom(String name, String referrer) {
        return symbols.macroVisibleFrom(name, referrer);
    }

    @Override
    public Optional<List<String>> list(String name) {
        return symbols.list(name);
    }

    @Override
    public Optional<String> valueGloss(String field, String value, Locale locale) {
        return glosses.gloss(field, value, locale);
    }

    /** Macro bodies are kept for the life of this context: build one per workspace state and source. */
    @Override
    public java.util.Map<String, Clause> macroBodies(Locale locale) {
        return macroBodies.computeIfAbsent(Phrasebook.supported(locale), l -> new java.util.concurrent.ConcurrentHashMap<>());
    }
}
