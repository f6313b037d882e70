package dev.falconer.rules;

import dev.falconer.text.TextSpan;

import java.util.Set;

/**
 * A scalar kept as text, as Falco reads every value: no YAML 1.1 typing. {@code span} covers the
 * scalar token itself (quotes and block header included, tag and anchor excluded); {@code raw} is
 * the document text of that span, from which {@link #sourceMap()} is computed on demand.
 * {@code tag} is the explicit tag as written (e.g. {@code "!="} for {@code desc: != x}), or
 * {@code null}.
 */
public record YamlScalar(String value, ScalarStyle style, String tag, TextSpan span, String raw) implements YamlValue {

    private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");

    /** True for a plain untagged null ({@code key:}, {@code ~}, {@code null}), as yaml-cpp sees it. */
    public boolean isNull() {
        return style == ScalarStyle.PLAIN && tag == null && NULLS.contains(value);
    }

    /** The per-character map of {@link #value()} to document offsets. O(length) per call. */
    public SourceMap sourceMap() {
        return ScalarSourceMapper.map(this);
    }
}
