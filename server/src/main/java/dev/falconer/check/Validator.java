package dev.falconer.check;

/** One concern of the checks; reports through the context's sink. */
interface Validator {
    void validate(CheckContext ctx);
}
