package dev.falconer.catalog;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One filter field as Falco defines it.
 *
 * @param name        full name without argument, e.g. {@code proc.aname}
 * @param scope       event sources the field applies to
 * @param fieldClass  libs class ({@code process}, {@code fd} …) or plugin name for plugin fields
 * @param type        value type; {@link FieldType#DYNAMIC} for {@code evt.rawarg}
 * @param list        true when the field extracts a list (only {@code in}, {@code intersects}, {@code exists})
 * @param argument    argument presence and syntax
 * @param flags       see {@link FieldFlag}
 * @param since       first Falco release with the field; {@code null} when unknown (third-party
 *                    plugins; official plugins other than container follow their own releases)
 * @param removedIn   Falco release that removed it; {@code null} for live fields
 * @param plugin      plugin that provides it; {@code null} for built-in fields
 * @param description one-line description
 * @param phrase      short noun phrase for explanations ("the process name")
 */
public record FieldInfo(String name, SourceScope scope, String fieldClass, FieldType type, boolean list,
        ArgumentSpec argument, Set<FieldFlag> flags, FalcoVersion since, FalcoVersion removedIn,
        String plugin, LocalizedText description, LocalizedText phrase) {

    public FieldInfo {
        flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
    }

    public boolean has(FieldFlag flag) {
        return flags.contains(flag);
    }

    public boolean isPlugin() {
        return plugin != null;
    }

    /** Deprecated, table-only or print-only: not shown by {@code falco --list}, still valid. */
    public boolean isHidden() {
        return flags.stream().anyMatch(FieldFlag::hides);
    }

    public boolean isRemoved() {
        return removedIn != null;
    }

    public Optional<FalcoVersion> sinceVersion() {
        return Optional.ofNullable(since);
    }

    public String description(Locale locale) {
        return description.get(locale);
    }

    public String phrase(Locale locale) {
        return phrase.get(locale);
    }

    /** The operand type of this field with no transformer applied. */
    public OperandType operandType() {
        return new OperandType(type, list, flags);
    }

    FieldInfo withTexts(LocalizedText newDescription, LocalizedText newPhrase) {
        return new FieldInfo(name, scope, fieldClass, type, list, argument, flags, since, removedIn, plugin,
                newDescription, newPhrase);
    }
}
