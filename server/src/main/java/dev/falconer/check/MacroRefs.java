package dev.falconer.check;

import dev.falconer.workspace.EffectiveMacro;
import dev.falconer.workspace.Location;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a macro reference finds in the collection (spec §1.1): the macro, nothing (with the
 * closest defined names), or a macro defined only after the referring macro's last definition,
 * which Falco does not see from there.
 */
final class MacroRefs {
    /**
     * @param defined  a macro of that name exists
     * @param closest  when not defined, the defined names closest to it
     * @param hiddenAt when defined after the referrer, the name of its first definition
     * @param firstUri the file of its first definition (Falco compiles after each file), or {@code null}
     */
    record Answer(boolean defined, List<String> closest, Location hiddenAt, String firstUri) {
    }

    private MacroRefs() {
    }

    /**
     * @param near  "did you mean" among the names of {@code macros} (asked for only when {@code name} is unknown)
     * @param from  the referring macro, {@code null} for a rule (which sees every macro)
     */
    static Answer answer(Map<String, EffectiveMacro> macros, Supplier<NearNames> near, String name, String from) {
        EffectiveMacro target = macros.get(name);
        if (target == null) {
            return new Answer(false, near.get().closest(name), null, null);
        }
        EffectiveMacro referrer = from == null ? null : macros.get(from);
        int visibility = referrer == null ? Integer.MAX_VALUE : referrer.visibility();
        String firstUri = null;
        for (var d : target.contributions()) {
            if (d.role() != dev.falconer.workspace.Definition.Role.REJECTED) {
                firstUri = d.uri();
                break;
            }
        }
        if (target.index() >= visibility) {
            return new Answer(true, List.of(), target.contributions().get(0).nameLocation(), firstUri);
        }
        return new Answer(true, List.of(), null, firstUri);
    }
}
