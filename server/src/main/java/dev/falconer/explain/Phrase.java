package dev.falconer.explain;

import java.util.List;

/**
 * A sentence or noun phrase not yet worded: a phrasebook key and its arguments. The renderers
 * pick the wording (and its grammatical variant) from the phrasebook of the explanation's locale.
 * {@code fallback} is a composed wording for rare combinations a phrasebook need not spell out
 * (e.g. {@code startswith allof}: "starts with" + "all of …"), or {@code null}.
 */
public record Phrase(String key, List<PhraseArg> args, Phrase fallback) {
    public Phrase {
        args = List.copyOf(args);
    }

    public static Phrase of(String key, PhraseArg... args) {
        return new Phrase(key, List.of(args), null);
    }
}
