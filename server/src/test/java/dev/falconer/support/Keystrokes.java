package dev.falconer.support;

import java.util.Random;

/** Random typing for the tests that compare a cache with a fresh computation edit after edit. */
public final class Keystrokes {
    private Keystrokes() {
    }

    /** One keystroke at a random place of {@code text}: one of {@code typed}'s characters inserted, or a character deleted. */
    public static void type(StringBuilder text, Random random, String typed) {
        int at = random.nextInt(text.length());
        if (random.nextBoolean()) {
            text.insert(at, typed.charAt(random.nextInt(typed.length())));
        } else {
            text.deleteCharAt(at);
        }
    }
}
