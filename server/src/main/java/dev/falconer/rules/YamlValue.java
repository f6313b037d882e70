package dev.falconer.rules;

import dev.falconer.text.TextSpan;

/** A YAML node with its exact range in the document. */
public sealed interface YamlValue permits YamlScalar, YamlSequence, YamlMapping {
    TextSpan span();

    /** The scalar text, or {@code null} when this is not a scalar. */
    default String text() {
        return this instanceof YamlScalar s ? s.value() : null;
    }

    default YamlScalar asScalar() {
        return this instanceof YamlScalar s ? s : null;
    }

    default YamlSequence asSequence() {
        return this instanceof YamlSequence s ? s : null;
    }

    default YamlMapping asMapping() {
        return this instanceof YamlMapping m ? m : null;
    }
}
