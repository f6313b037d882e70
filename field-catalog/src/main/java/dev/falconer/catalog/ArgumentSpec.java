package dev.falconer.catalog;

import java.util.Locale;

/**
 * Whether and how a field takes an argument. Plugin fields use the generic {@link Form#INDEX},
 * {@link Form#KEY} and {@link Form#INDEX_OR_KEY} forms in brackets; built-in fields hand-code
 * their syntax (spec field-catalog.md §1.3), which the other forms name.
 */
public record ArgumentSpec(Presence presence, Form form) {

    public static final ArgumentSpec NONE = new ArgumentSpec(Presence.NONE, Form.NONE);

    public enum Presence {
        NONE, OPTIONAL, REQUIRED;

        /** The lower-case word used in JSON ({@code none}, {@code optional}, {@code required}). */
        public String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum Form {
        NONE(Style.NONE),
        /** {@code [N]}: a non-negative integer (plugin index, ancestor level, argv index, fd number, timestamp). */
        INDEX(Style.BRACKET),
        /** {@code [KEY]}: any string (plugin key, environment variable). */
        KEY(Style.BRACKET),
        /** {@code [N]} or {@code [KEY]}: tried as a number first. */
        INDEX_OR_KEY(Style.BRACKET),
        /** {@code evt.arg.NAME} (a known event parameter) or {@code evt.arg[N]}. */
        PARAM_NAME_OR_INDEX(Style.DOT_OR_BRACKET),
        /** {@code evt.rawarg.NAME} only. */
        PARAM_NAME(Style.DOT),
        /** {@code evt.type.is.NAME} (an event name) or {@code evt.type.is.N}. */
        EVENT_TYPE(Style.DOT),
        /** {@code thread.cgroup.SUBSYSTEM}: letters and underscores. */
        CGROUP_SUBSYSTEM(Style.DOT),
        /** {@code evt.abspath.src} / {@code evt.abspath.dst}, or bare. */
        PATH_SIDE(Style.DOT);

        private final Style style;

        Form(Style style) {
            this.style = style;
        }

        public Style style() {
            return style;
        }
    }

    /** Where the argument is written: {@code field[arg]} or {@code field.arg}. */
    public enum Style {
        NONE, BRACKET, DOT, DOT_OR_BRACKET;

        public boolean allowsBracket() {
            return this == BRACKET || this == DOT_OR_BRACKET;
        }

        public boolean allowsDot() {
            return this == DOT || this == DOT_OR_BRACKET;
        }
    }

    public ArgumentSpec {
        if ((presence == Presence.NONE) != (form == Form.NONE)) {
            throw new IllegalArgumentException("presence " + presence + " with form " + form);
        }
    }

    public static ArgumentSpec of(Presence presence, Form form) {
        return presence == Presence.NONE ? NONE : new ArgumentSpec(presence, form);
    }

    public boolean takesArgument() {
        return presence != Presence.NONE;
    }
}
