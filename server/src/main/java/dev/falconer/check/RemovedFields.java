package dev.falconer.check;

import dev.falconer.catalog.Resolution;
import java.util.ArrayList;
import java.util.List;

/**
 * The message for a field Falco no longer has: moved to a plugin or removed, with the release
 * when the catalog knows it. Shared by conditions and outputs, which say the same thing.
 */
record RemovedFields(String key, List<String> args) {

    static RemovedFields of(String written, Resolution.Removed gone) {
        boolean moved = gone.movedToPlugin() != null;
        boolean dated = gone.field() != null && gone.field().removedIn() != null;
        List<String> args = new ArrayList<>(List.of(written));
        if (moved) {
            args.add(gone.movedToPlugin());
        }
        if (dated) {
            args.add(gone.field().removedIn().toString());
        }
        String key = (moved ? "field.moved" : "field.removed") + (dated ? "In" : "");
        return new RemovedFields(key, List.copyOf(args));
    }
}
