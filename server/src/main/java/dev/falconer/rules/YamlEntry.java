package dev.falconer.rules;

import dev.falconer.text.TextSpan;

/** One {@code key: value} pair of a mapping; both sides keep their ranges. */
public record YamlEntry(YamlValue key, YamlValue value) {

    public String keyText() {
        return key.text();
    }

    public TextSpan keySpan() {
        return key.span();
    }

    public TextSpan valueSpan() {
        return value.span();
    }

    /** The value when it is a scalar, else {@code null}. */
    public YamlScalar scalar() {
        return value.asScalar();
    }

    /** The scalar text of the value, {@code null} when it is not a scalar or is a YAML null. */
    public String text() {
        YamlScalar s = value.asScalar();
        return s == null || s.isNull() ? null : s.value();
    }

    /**
     * From the key's start to the value's end. A value before its key came through an alias
     * ({@code desc: *d}): it stands at its anchor in an entry above, so the entry is its key.
     */
    public TextSpan span() {
        return value.span().start() < key.span().start() ? key.span() : key.span().union(value.span());
    }
}
