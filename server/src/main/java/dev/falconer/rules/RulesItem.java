package dev.falconer.rules;

import dev.falconer.text.TextSpan;

/** One top-level entry of a rules file. */
public sealed interface RulesItem
        permits MappedItem, MalformedItem, BrokenItem {

    ItemFrame frame();

    default TextSpan span() {
        return frame().span();
    }

    default int index() {
        return frame().index();
    }
}
