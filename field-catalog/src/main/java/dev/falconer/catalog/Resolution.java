package dev.falconer.catalog;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The answer to "what is this field for this event source?" ({@link FieldCatalog#resolve}). */
public sealed interface Resolution {

    /** The name as it was asked for (without the bracket argument). */
    String name();

    /**
     * The field the name denotes, even where it cannot be used as written (wrong source, argument,
     * plugin not loaded, removed): what documentation and explanations talk about. Empty when the
     * name denotes no field.
     */
    default Optional<FieldInfo> meantField() {
        return this instanceof NamesAField n ? Optional.of(n.field()) : Optional.empty();
    }

    /** An answer that knows which field was meant. */
    interface NamesAField {
        FieldInfo field();
    }

    /** The field is valid here. {@code type} is the field's type, or the event parameter's type for {@code evt.rawarg.NAME}. */
    record Resolved(String name, FieldInfo field, FieldArgument argument, FieldType type) implements Resolution, NamesAField {
        /** The operand type with no transformer applied (uses {@link #type}). */
        public OperandType operandType() {
            return new OperandType(type, field.list(), field.flags());
        }
    }

    /** No such field anywhere in the catalog; {@code suggestions} are close names valid for the source, best first. */
    record Unknown(String name, String source, List<String> suggestions) implements Resolution {
        public Unknown {
            // computed on first use: most callers only ask whether the name is known
            suggestions = suggestions instanceof LazySuggestions ? suggestions : List.copyOf(suggestions);
        }
    }

    /** The field requires an argument and none was given ({@code proc.env} is fine; {@code thread.cgroup} is not). */
    record ArgumentMissing(String name, FieldInfo field) implements Resolution, NamesAField {
    }

    /** The field takes no argument, but one was given ({@code proc.name[1]}). */
    record ArgumentNotAllowed(String name, FieldInfo field, String argument) implements Resolution, NamesAField {
    }

    /** The argument is there but wrong; {@code problem} says how. */
    record ArgumentMalformed(String name, FieldInfo field, String argument, ArgumentProblem problem)
            implements Resolution, NamesAField {
    }

    /** The field exists, but for other event sources ({@code ka.verb} in a syscall rule). */
    record WrongSource(String name, FieldInfo field, String source, Set<String> validSources) implements Resolution, NamesAField {
        public WrongSource {
            // sorted, so the message reads the same on every run (Set.copyOf's order changes per JVM)
            validSources = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(validSources));
        }
    }

    /** The field comes from a plugin that this catalog does not consider loaded (k8smeta, krsi …). */
    record PluginNotLoaded(String name, FieldInfo field, String plugin) implements Resolution, NamesAField {
    }

    /**
     * A built-in field that Falco removed. {@code movedToPlugin} names the plugin that provides it
     * now (the container plugin), or is {@code null} when it is gone for good.
     */
    record Removed(String name, FieldInfo field, String movedToPlugin) implements Resolution, NamesAField {
    }

    /** The event source itself is unknown to the catalog. */
    record UnknownSource(String name, String source, List<String> knownSources) implements Resolution {
        public UnknownSource {
            knownSources = List.copyOf(knownSources);
        }
    }

    /** Why an argument was rejected. {@link #key()} is a stable message key for resource bundles. */
    enum ArgumentProblem {
        /** Empty argument ({@code [""]}). */
        EMPTY("catalog.argument.empty"),
        /** Not a non-negative integer where one is needed ({@code proc.aname[x]}). */
        NOT_AN_INDEX("catalog.argument.notAnIndex"),
        /** A plugin field's index written with a leading zero ({@code ka.sourceips[01]}): the plugin framework refuses it. */
        LEADING_ZERO("catalog.argument.leadingZero"),
        /** {@code evt.arg.NAME} / {@code evt.rawarg.NAME} with a NAME no event has. */
        UNKNOWN_EVENT_PARAM("catalog.argument.unknownEventParam"),
        /** {@code evt.type.is.X} with an X that is no event name. */
        UNKNOWN_EVENT_TYPE("catalog.argument.unknownEventType"),
        /** {@code thread.cgroup.X} with characters other than letters and {@code _}. */
        BAD_SUBSYSTEM("catalog.argument.badSubsystem"),
        /** {@code evt.abspath.X} where X is not {@code src} or {@code dst}. */
        BAD_PATH_SIDE("catalog.argument.badPathSide"),
        /** Brackets where only the dotted form works ({@code evt.rawarg[0]}, {@code thread.cgroup[cpu]}). */
        DOT_FORM_REQUIRED("catalog.argument.dotFormRequired"),
        /** A dotted form where only brackets work ({@code k8s.pod.label.app}, {@code evt.around.5}). */
        BRACKET_FORM_REQUIRED("catalog.argument.bracketFormRequired"),
        /** Both a dotted and a bracket argument ({@code evt.arg.flags[0]}). */
        TWO_ARGUMENTS("catalog.argument.twoArguments");

        private final String key;

        ArgumentProblem(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }
}
