package dev.falconer.rules;

/** The three namespaces of named items; Falco keeps them apart. */
public enum ItemKind {
    LIST("list"), MACRO("macro"), RULE("rule");

    private final String key;

    ItemKind(String key) {
        this.key = key;
    }

    /** The YAML key that names an item of this kind. */
    public String key() {
        return key;
    }
}
