package dev.falconer.service;

import java.util.concurrent.CancellationException;

/** Asked between units of work; a cancelled computation stops by throwing {@link CancellationException}. */
@FunctionalInterface
public interface Cancellation {

    boolean isCancelled();

    default void checkCanceled() {
        if (isCancelled()) {
            throw new CancellationException();
        }
    }

    static Cancellation never() {
        return () -> false;
    }
}
