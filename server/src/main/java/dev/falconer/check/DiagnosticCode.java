package dev.falconer.check;

import static dev.falconer.check.FalcoCode.*;
import static dev.falconer.check.Severity.ERROR;
import static dev.falconer.check.Severity.HINT;
import static dev.falconer.check.Severity.WARNING;

import java.util.Optional;

/**
 * Every diagnostic Falconer reports. The {@link #id()} strings are a public interface (settings,
 * JSON and SARIF output, CI scripts rely on them) and never change; {@code docs/diagnostics.md}
 * documents each one. The default severity follows one rule: error where Falco refuses to load
 * the file, warning where Falco warns or the rule silently does something other than intended,
 * hint for style. {@link #falcoCode()} is Falco's own code for the same problem, when it has one
 * (a diagnostic may carry a more specific one, e.g. {@code LOAD_UNKNOWN_FILTER}).
 */
public enum DiagnosticCode {
    YAML_SYNTAX("yaml-syntax", ERROR, LOAD_ERR_YAML_PARSE),
    STRUCTURE("structure", ERROR, LOAD_ERR_YAML_VALIDATE),
    KEY_TYPE("key-type", ERROR, LOAD_ERR_YAML_VALIDATE),
    MISSING_KEY("missing-key", ERROR, LOAD_ERR_YAML_VALIDATE),
    UNKNOWN_KEY("unknown-key", WARNING, LOAD_UNKNOWN_KEY),
    DUPLICATE_KEY("duplicate-key", WARNING, null),
    IGNORED_KEY("ignored-key", WARNING, null),
    UNKNOWN_ITEM("unknown-item", WARNING, LOAD_UNKNOWN_ITEM),
    INVALID_PRIORITY("invalid-priority", ERROR, LOAD_ERR_YAML_VALIDATE),
    UNKNOWN_SOURCE("unknown-source", WARNING, LOAD_UNKNOWN_SOURCE),
    INVALID_NAME("invalid-name", WARNING, LOAD_INVALID_MACRO_NAME),
    OVERRIDE("override", ERROR, LOAD_ERR_YAML_VALIDATE),
    APPEND_MISSING("append-missing", ERROR, LOAD_ERR_VALIDATE),
    ENABLED_MISSING("enabled-missing", ERROR, LOAD_ERR_VALIDATE),
    SOURCE_MISMATCH("source-mismatch", ERROR, LOAD_ERR_VALIDATE),
    DEPRECATED_APPEND("deprecated-append", WARNING, LOAD_DEPRECATED_ITEM),
    DEPRECATED_ENABLED("deprecated-enabled", WARNING, LOAD_DEPRECATED_ITEM),
    ENGINE_VERSION("engine-version", ERROR, LOAD_ERR_YAML_VALIDATE),
    NEWER_FEATURE("newer-feature", WARNING, null),
    PLUGIN_VERSIONS("plugin-versions", ERROR, LOAD_ERR_YAML_VALIDATE),
    CONDITION_SYNTAX("condition-syntax", ERROR, LOAD_ERR_COMPILE_CONDITION),
    LIST_LITERAL("list-literal", ERROR, LOAD_ERR_COMPILE_CONDITION),
    LIST_NOT_PARENTHESIZED("list-not-parenthesized", ERROR, LOAD_ERR_COMPILE_CONDITION),
    UNKNOWN_MACRO("unknown-macro", ERROR, LOAD_ERR_VALIDATE),
    MACRO_LOOP("macro-loop", ERROR, LOAD_ERR_VALIDATE),
    UNKNOWN_LIST("unknown-list", WARNING, null),
    LIST_IN_STRING("list-in-string", WARNING, null),
    LIST_ITEM_SPLIT("list-item-split", WARNING, null),
    UNKNOWN_FIELD("unknown-field", ERROR, LOAD_ERR_COMPILE_CONDITION),
    PLUGIN_FIELD("plugin-field", HINT, null),
    FIELD_ARGUMENT("field-argument", ERROR, LOAD_ERR_COMPILE_CONDITION),
    OPERATOR_TYPE("operator-type", ERROR, LOAD_ERR_COMPILE_CONDITION),
    VALUE_TYPE("value-type", ERROR, LOAD_ERR_COMPILE_CONDITION),
    UNKNOWN_EVTTYPE("unknown-evttype", ERROR, LOAD_ERR_COMPILE_CONDITION),
    TRANSFORMER("transformer", ERROR, LOAD_ERR_COMPILE_CONDITION),
    VAL_MISUSE("val-misuse", ERROR, LOAD_ERR_COMPILE_CONDITION),
    FIELD_AS_VALUE("field-as-value", WARNING, LOAD_COMPILE_CONDITION),
    REGEX_SIMPLER("regex-simpler", WARNING, LOAD_COMPILE_CONDITION),
    UNSAFE_NA("unsafe-na", WARNING, LOAD_UNSAFE_NA_CHECK),
    EVTTYPE_RESTRICTION("evttype-restriction", WARNING, LOAD_NO_EVTTYPE),
    DEPRECATED_FIELD("deprecated-field", WARNING, LOAD_DEPRECATED_ITEM),
    OUTPUT_FIELD("output-field", ERROR, LOAD_ERR_COMPILE_OUTPUT),
    EXCEPTION_SHAPE("exception-shape", ERROR, LOAD_ERR_YAML_VALIDATE),
    EXCEPTION_LENGTH("exception-length", ERROR, LOAD_ERR_VALIDATE),
    EXCEPTION_OPERATOR("exception-operator", ERROR, LOAD_ERR_VALIDATE),
    EXCEPTION_FIELD("exception-field", ERROR, LOAD_ERR_VALIDATE),
    EXCEPTION_APPEND("exception-append", ERROR, LOAD_ERR_VALIDATE),
    EXCEPTION_DUPLICATE("exception-duplicate", WARNING, LOAD_EXCEPTION_NAME_NOT_UNIQUE),
    EXCEPTION_NO_VALUES("exception-no-values", WARNING, LOAD_APPEND_NO_VALUES),
    UNUSED_MACRO("unused-macro", WARNING, LOAD_UNUSED_MACRO),
    UNUSED_LIST("unused-list", WARNING, LOAD_UNUSED_LIST);

    private final String id;
    private final Severity defaultSeverity;
    private final FalcoCode falcoCode;

    DiagnosticCode(String id, Severity defaultSeverity, FalcoCode falcoCode) {
        this.id = id;
        this.defaultSeverity = defaultSeverity;
        this.falcoCode = falcoCode;
    }

    /** The stable code, e.g. {@code unknown-field}. */
    public String id() {
        return id;
    }

    public Severity defaultSeverity() {
        return defaultSeverity;
    }

    /** Falco's code for this problem, {@code null} where Falco has none (it accepts the file silently). */
    public FalcoCode falcoCode() {
        return falcoCode;
    }

    /** Key of the one-line description of the code in the message bundles ({@code code.unknown-field}). */
    public String descriptionKey() {
        return "code." + id;
    }

    public static Optional<DiagnosticCode> fromId(String id) {
        for (DiagnosticCode c : values()) {
            if (c.id.equals(id)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
