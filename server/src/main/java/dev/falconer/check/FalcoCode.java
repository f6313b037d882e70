package dev.falconer.check;

/**
 * Falco's own load-result codes ({@code falco::load_result}, spec §4.1 and §4.2): what Falco
 * itself would print for the same problem. Errors stop Falco from loading the file; warnings do not.
 */
public enum FalcoCode {
    LOAD_ERR_FILE_READ, LOAD_ERR_YAML_PARSE, LOAD_ERR_YAML_VALIDATE, LOAD_ERR_COMPILE_CONDITION,
    LOAD_ERR_COMPILE_OUTPUT, LOAD_ERR_VALIDATE, LOAD_ERR_EXTENSION,
    LOAD_UNKNOWN_SOURCE, LOAD_UNSAFE_NA_CHECK, LOAD_NO_EVTTYPE, LOAD_UNKNOWN_FILTER, LOAD_UNUSED_MACRO,
    LOAD_UNUSED_LIST, LOAD_UNKNOWN_ITEM, LOAD_DEPRECATED_ITEM, LOAD_WARNING_EXTENSION, LOAD_APPEND_NO_VALUES,
    LOAD_EXCEPTION_NAME_NOT_UNIQUE, LOAD_INVALID_MACRO_NAME, LOAD_INVALID_LIST_NAME, LOAD_COMPILE_CONDITION,
    LOAD_UNKNOWN_KEY;

    /** True for the codes that make Falco refuse the file. */
    public boolean isError() {
        return name().startsWith("LOAD_ERR_");
    }
}
