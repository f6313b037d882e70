package dev.falconer.rules;

/** One entry of a rule's {@code exceptions:}; absent keys are {@code null}. */
public record ExceptionSpec(YamlMapping node, YamlEntry name, YamlEntry fields, YamlEntry comps, YamlEntry values) {

    public String nameText() {
        return name == null ? null : name.text();
    }

    static ExceptionSpec of(YamlMapping m) {
        return new ExceptionSpec(m, m.get("name"), m.get("fields"), m.get("comps"), m.get("values"));
    }
}
