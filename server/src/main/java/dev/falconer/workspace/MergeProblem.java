package dev.falconer.workspace;

import dev.falconer.rules.NamedItem;
import dev.falconer.text.TextSpan;

import java.util.List;

/**
 * A problem found while merging files in Falco's order, without message text: diagnostics turn
 * {@code kind} and {@code args} into coded, localized messages. {@code item} is the entry at
 * fault, {@code span} the exact range in {@code uri}.
 */
public record MergeProblem(Kind kind, String uri, NamedItem item, TextSpan span, List<String> args) {
    public MergeProblem {
        args = List.copyOf(args);
    }

    public Location location() {
        return new Location(uri, span);
    }

    public enum Kind {
        /** append/override-append of a list that does not exist yet. args: name */
        LIST_APPEND_WITHOUT_LIST,
        /** append/override-append of a macro that does not exist yet. args: name */
        MACRO_APPEND_WITHOUT_MACRO,
        /** append/override-append of a rule that does not exist yet. args: name */
        RULE_APPEND_WITHOUT_RULE,
        /** override-replace of a rule that does not exist yet. args: name, key */
        RULE_REPLACE_WITHOUT_RULE,
        /** enabled-only entry for a rule that does not exist yet. args: name */
        ENABLE_WITHOUT_RULE,
        /** a rule redefined, appended or replaced with another source. args: new source, existing source */
        SOURCE_MISMATCH,
        /** {@code override} together with {@code append: true}. args: none */
        OVERRIDE_WITH_LEGACY_APPEND,
        /** {@code override} whose value is not a mapping. args: none */
        OVERRIDE_NOT_A_MAPPING,
        /** an override operation other than append/replace. args: key, operation */
        INVALID_OVERRIDE_OPERATION,
        /** {@code key: append} for a key that cannot be appended. args: key */
        KEY_NOT_APPENDABLE,
        /** {@code key: replace} for a key that cannot be replaced. args: key */
        KEY_NOT_REPLACEABLE,
        /** a key listed under {@code override} but absent from the entry. args: operation, key */
        OVERRIDE_KEY_NOT_DEFINED,
        /** an overridable key present in an override entry but not listed under {@code override}. args: key */
        KEY_WITHOUT_OVERRIDE,
        /** a legacy rule append with neither condition nor exceptions. args: name */
        APPEND_WITHOUT_CONDITION_OR_EXCEPTIONS,
        /** appending to an existing exception with {@code fields} or {@code comps}. args: exception, key */
        EXCEPTION_APPEND_REDEFINES,
        /** a new exception added by an append without {@code fields}. args: exception */
        EXCEPTION_APPEND_WITHOUT_FIELDS,
        /** a new exception added by an append without {@code values}, or with none in them. args: exception */
        EXCEPTION_APPEND_WITHOUT_VALUES,
        /** an append to an existing exception without {@code values}: nothing is added. args: exception */
        EXCEPTION_APPEND_NO_VALUES,
        /** a macro reference loop. args: the macro, then the cycle of names */
        MACRO_REFERENCE_LOOP,
        /** a macro reference to no macro at all. args: name */
        UNDEFINED_MACRO,
        /** a macro reference from a macro to a macro defined only after it. args: name, uri of its first definition */
        MACRO_NOT_VISIBLE,
        /** a macro never referred to by a rule or macro. args: name */
        UNUSED_MACRO,
        /** a list never substituted anywhere nor referenced by another list. args: name */
        UNUSED_LIST
    }
}
