package dev.falconer.catalog;

import dev.falconer.catalog.Resolution.ArgumentProblem;
import java.util.Set;

/** The argument rules of spec field-catalog.md §1.3 (built-ins) and §2.4 (plugins). */
final class Arguments {

    private static final Set<String> PATH_SIDES = Set.of("src", "dst");

    private Arguments() {
    }

    /** {@code field} matched the name exactly; {@code bracket} is the {@code [..]} text or null. */
    static Resolution check(String name, FieldInfo field, String bracket) {
        ArgumentSpec spec = field.argument();
        if (bracket == null) {
            if (spec.presence() == ArgumentSpec.Presence.REQUIRED) {
                return new Resolution.ArgumentMissing(name, field);
            }
            return new Resolution.Resolved(name, field, null, field.type());
        }
        if (!spec.takesArgument()) {
            return new Resolution.ArgumentNotAllowed(name, field, bracket);
        }
        if (!spec.form().style().allowsBracket()) {
            return malformed(name, field, bracket, ArgumentProblem.DOT_FORM_REQUIRED);
        }
        if (bracket.isEmpty()) {
            return malformed(name, field, bracket, ArgumentProblem.EMPTY);
        }
        FieldArgument arg = FieldArgument.of(bracket, false);
        boolean numeric = spec.form() == ArgumentSpec.Form.INDEX || spec.form() == ArgumentSpec.Form.PARAM_NAME_OR_INDEX;
        if (numeric && arg.index().isEmpty()) {
            return malformed(name, field, bracket, ArgumentProblem.NOT_AN_INDEX);
        }
        if (numeric && field.plugin() != null && bracket.length() > 1 && bracket.charAt(0) == '0') {
            // libs' plugin_filtercheck: "has an invalid index argument starting with 0" (spec §1.5)
            return malformed(name, field, bracket, ArgumentProblem.LEADING_ZERO);
        }
        return new Resolution.Resolved(name, field, arg, field.type());
    }

    /** {@code name} is {@code base.suffix} where {@code base} is a field taking an argument. */
    static Resolution checkDotted(String name, FieldInfo base, String suffix, String bracket, EventTables events) {
        ArgumentSpec.Form form = base.argument().form();
        if (!form.style().allowsDot()) {
            return malformed(name, base, suffix, ArgumentProblem.BRACKET_FORM_REQUIRED);
        }
        if (bracket != null) {
            return malformed(name, base, suffix, ArgumentProblem.TWO_ARGUMENTS);
        }
        FieldArgument arg = FieldArgument.of(suffix, true);
        FieldType type = base.type();
        switch (form) {
            case PARAM_NAME_OR_INDEX, PARAM_NAME -> {
                if (!events.isParam(suffix)) {
                    return malformed(name, base, suffix, ArgumentProblem.UNKNOWN_EVENT_PARAM);
                }
                if (form == ArgumentSpec.Form.PARAM_NAME) {
                    // evt.rawarg takes the parameter's own type at compile time.
                    type = events.rawargType(suffix).orElse(base.type());
                }
            }
            case EVENT_TYPE -> {
                if (arg.index().isEmpty() && !events.isEventType(suffix)) {
                    return malformed(name, base, suffix, ArgumentProblem.UNKNOWN_EVENT_TYPE);
                }
            }
            case CGROUP_SUBSYSTEM -> {
                if (!suffix.chars().allMatch(c -> c == '_' || (c < 128 && Character.isLetter(c)))) {
                    return malformed(name, base, suffix, ArgumentProblem.BAD_SUBSYSTEM);
                }
            }
            case PATH_SIDE -> {
                if (!PATH_SIDES.contains(suffix)) {
                    return malformed(name, base, suffix, ArgumentProblem.BAD_PATH_SIDE);
                }
            }
            default -> throw new IllegalStateException("dotted form " + form);
        }
        return new Resolution.Resolved(name, base, arg, type);
    }

    private static Resolution malformed(String name, FieldInfo field, String arg, ArgumentProblem problem) {
        return new Resolution.ArgumentMalformed(name, field, arg, problem);
    }
}
