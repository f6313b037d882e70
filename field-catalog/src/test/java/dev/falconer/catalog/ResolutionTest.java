package dev.falconer.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.falconer.catalog.Resolution.ArgumentProblem;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Field resolution, including the argument-form table of spec field-catalog.md §1.3. */
class ResolutionTest {

    private static final String SYSCALL = "syscall";
    private final FieldCatalog catalog = FieldCatalog.defaults();

    /** name | bracket argument ("-" = none) | expected resolved field | expected argument text ("-" = none). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "proc.name | - | proc.name | -",
        "evt.arg.flags | - | evt.arg | flags",
        "evt.arg | 0 | evt.arg | 0",
        "evt.rawarg.res | - | evt.rawarg | res",
        "evt.type.is.open | - | evt.type.is | open",
        "evt.type.is.3 | - | evt.type.is | 3",
        "evt.around | 1000000 | evt.around | 1000000",
        "evt.around | 1404996934793590564 | evt.around | 1404996934793590564",
        "evt.around | 18446744073709551615 | evt.around | 18446744073709551615",
        "evt.abspath | - | evt.abspath | -",
        "evt.abspath.src | - | evt.abspath | src",
        "evt.abspath.dst | - | evt.abspath | dst",
        "thread.cgroup.cpuacct | - | thread.cgroup | cpuacct",
        "proc.aname | - | proc.aname | -",
        "proc.aname | 2 | proc.aname | 2",
        "proc.aexe | 1 | proc.aexe | 1",
        "proc.aexepath | 1 | proc.aexepath | 1",
        "proc.acmdline | 3 | proc.acmdline | 3",
        "proc.apid | 1 | proc.apid | 1",
        "proc.aargs | 1 | proc.aargs | 1",
        "proc.args | 1 | proc.args | 1",
        "proc.env | HOME | proc.env | HOME",
        "proc.env | 0 | proc.env | 0",
        "proc.aenv | 1 | proc.aenv | 1",
        "proc.aenv | PATH | proc.aenv | PATH",
        "fd.types | - | fd.types | -",
        "fd.types | 3 | fd.types | 3",
        "k8s.pod.label | app.kubernetes.io/name | k8s.pod.label | app.kubernetes.io/name",
        "container.mount | 0 | container.mount | 0",
        "container.mount | /etc | container.mount | /etc",
        "evt.latency | - | evt.latency | -",
        "evt.outputtime | - | evt.outputtime | -",
        "thread.nametid | - | thread.nametid | -",
    })
    void resolves(String name, String arg, String field, String argText) {
        Resolution r = catalog.resolve(SYSCALL, name, dash(arg));
        Resolution.Resolved ok = assertInstanceOf(Resolution.Resolved.class, r, name);
        assertEquals(field, ok.field().name());
        if (dash(argText) == null) {
            assertNull(ok.argument());
        } else {
            assertEquals(argText, ok.argument().text());
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "proc.aname | x | NOT_AN_INDEX",
        "proc.args | -1 | NOT_AN_INDEX",
        "fd.types | file | NOT_AN_INDEX",
        "evt.arg | x | NOT_AN_INDEX",
        "evt.around | abc | NOT_AN_INDEX",
        "evt.around | 18446744073709551616 | NOT_AN_INDEX",
        "evt.rawarg | 0 | DOT_FORM_REQUIRED",
        "thread.cgroup | cpuacct | DOT_FORM_REQUIRED",
        "proc.env | '' | EMPTY",
        "evt.arg.nosuchparam | - | UNKNOWN_EVENT_PARAM",
        "evt.rawarg.nosuchparam | - | UNKNOWN_EVENT_PARAM",
        "evt.type.is.opn | - | UNKNOWN_EVENT_TYPE",
        "thread.cgroup.cpu2 | - | BAD_SUBSYSTEM",
        "evt.abspath.foo | - | BAD_PATH_SIDE",
        "evt.arg.flags | 0 | TWO_ARGUMENTS",
        "k8s.pod.label.app | - | BRACKET_FORM_REQUIRED",
        "evt.around.5 | - | BRACKET_FORM_REQUIRED",
    })
    void malformedArguments(String name, String arg, ArgumentProblem problem) {
        Resolution r = catalog.resolve(SYSCALL, name, dash(arg));
        assertEquals(problem, assertInstanceOf(Resolution.ArgumentMalformed.class, r, name).problem());
    }

    @ParameterizedTest
    @CsvSource({"evt.arg", "evt.rawarg", "evt.type.is", "thread.cgroup", "evt.around", "k8s.pod.label",
        "container.mount"})
    void argumentMissing(String name) {
        assertInstanceOf(Resolution.ArgumentMissing.class, catalog.resolve(SYSCALL, name, null), name);
    }

    /** libs' plugin framework refuses an index with a leading zero; the built-in fields read it as a number. */
    @Test
    void aPluginIndexCannotStartWithZero() {
        Resolution r = catalog.resolve("k8s_audit", "ka.req.pod.containers.image", "01");
        assertEquals(Resolution.ArgumentProblem.LEADING_ZERO, assertInstanceOf(Resolution.ArgumentMalformed.class, r).problem());
        assertInstanceOf(Resolution.Resolved.class, catalog.resolve("k8s_audit", "ka.req.pod.containers.image", "0"));
        assertInstanceOf(Resolution.Resolved.class, catalog.resolve("k8s_audit", "ka.req.pod.containers.image", "10"));
        assertInstanceOf(Resolution.Resolved.class, catalog.resolve(SYSCALL, "proc.aname", "02"));
    }

    @Test
    void argumentNotAllowed() {
        Resolution r = catalog.resolve(SYSCALL, "proc.name", "1");
        assertEquals("1", assertInstanceOf(Resolution.ArgumentNotAllowed.class, r).argument());
    }

    @Test
    void rawargTakesTheParameterType() {
        Resolution.Resolved r = (Resolution.Resolved) catalog.resolve(SYSCALL, "evt.rawarg.res", null);
        assertEquals(FieldType.Group.NUMERIC, r.type().group());
        Resolution.Resolved name = (Resolution.Resolved) catalog.resolve(SYSCALL, "evt.rawarg.name", null);
        assertEquals(FieldType.Group.STRING, name.type().group());
    }

    @Test
    void unknownFieldsGetCloseSuggestions() {
        Resolution.Unknown u = assertInstanceOf(Resolution.Unknown.class, catalog.resolve(SYSCALL, "proc.nme", null));
        assertEquals("proc.name", u.suggestions().get(0));
        Resolution.Unknown swapped = (Resolution.Unknown) catalog.resolve(SYSCALL, "porc.name", null);
        assertTrue(swapped.suggestions().contains("proc.name"));
        assertEquals(Set.of(), Set.copyOf(((Resolution.Unknown) catalog.resolve(SYSCALL, "zzz.qqq", null)).suggestions()));
    }

    @Test
    void fieldsOfOtherSourcesAreNotUnknown() {
        Resolution.WrongSource w = assertInstanceOf(Resolution.WrongSource.class,
                catalog.resolve(SYSCALL, "ka.verb", null));
        assertEquals(Set.of("k8s_audit"), w.validSources());
        assertInstanceOf(Resolution.WrongSource.class, catalog.resolve("k8s_audit", "proc.name", null));
        Resolution.WrongSource json = assertInstanceOf(Resolution.WrongSource.class, catalog.resolve(SYSCALL, "json.value", "/x"));
        // in name order, so messages read the same on every run
        assertEquals(new java.util.ArrayList<>(new java.util.TreeSet<>(json.validSources())), java.util.List.copyOf(json.validSources()));
        assertTrue(json.validSources().size() > 2, json.validSources().toString());
    }

    @Test
    void genericEventFieldsAndJsonApplyToPluginSources() {
        for (String source : Set.of("k8s_audit", "aws_cloudtrail", "okta", "github", "gcp_auditlog", "dummy")) {
            assertInstanceOf(Resolution.Resolved.class, catalog.resolve(source, "evt.time", null), source);
            assertInstanceOf(Resolution.Resolved.class, catalog.resolve(source, "json.value", "/a/b"), source);
            assertInstanceOf(Resolution.Resolved.class, catalog.resolve(source, "jevt.value", "/a/b"), source);
        }
    }

    @Test
    void optionalSyscallPluginsResolveOnceLoaded() {
        Resolution.PluginNotLoaded p = assertInstanceOf(Resolution.PluginNotLoaded.class,
                catalog.resolve(SYSCALL, "k8smeta.pod.name", null));
        assertEquals("k8smeta", p.plugin());
        FieldCatalog withK8sMeta = catalog.withPlugins(Set.of("container", "json", "k8smeta"));
        assertInstanceOf(Resolution.Resolved.class, withK8sMeta.resolve(SYSCALL, "k8smeta.pod.name", null));
        FieldCatalog noContainer = catalog.withPlugins(Set.of());
        assertInstanceOf(Resolution.PluginNotLoaded.class, noContainer.resolve(SYSCALL, "container.id", null));
        // its arguments are checked all the same: Falco refuses them once the plugin is loaded
        assertInstanceOf(Resolution.ArgumentMissing.class, catalog.resolve(SYSCALL, "k8smeta.pod.label", null));
        assertInstanceOf(Resolution.ArgumentNotAllowed.class, catalog.resolve(SYSCALL, "k8smeta.pod.name", "0"));
        assertInstanceOf(Resolution.PluginNotLoaded.class, catalog.resolve(SYSCALL, "k8smeta.pod.label", "app"));
        assertInstanceOf(Resolution.ArgumentMalformed.class, catalog.resolve(SYSCALL, "k8smeta.pod.label.app", null));
    }

    @Test
    void removedFieldsSayWhereTheyWent() {
        Resolution.Removed r = assertInstanceOf(Resolution.Removed.class,
                catalog.resolve(SYSCALL, "mesos.task.name", null));
        assertNull(r.movedToPlugin());
        assertEquals(new FalcoVersion(0, 42, 0), r.field().removedIn());
    }

    @Test
    void unknownSource() {
        Resolution.UnknownSource u = assertInstanceOf(Resolution.UnknownSource.class,
                catalog.resolve("nosuchsource", "proc.name", null));
        assertTrue(u.knownSources().contains("syscall"));
        assertTrue(catalog.isKnownSource("aws_cloudtrail"));
        assertEquals(Set.of("aws_cloudtrail", "dummy", "dummy_c", "dummy_rs", "gcp_auditlog", "github", "k8s_audit", "okta", "syscall"),
                catalog.sources());
    }

    @Test
    void resolveTextSplitsTheBracketArgument() {
        Resolution.Resolved r = (Resolution.Resolved) catalog.resolveText(SYSCALL, "proc.aname[2]");
        assertEquals(2L, r.argument().index().getAsLong());
    }

    @Test
    void completionByPrefix() {
        var names = catalog.complete(SYSCALL, "proc.a").stream().map(FieldInfo::name).toList();
        assertTrue(names.containsAll(Set.of("proc.aname", "proc.apid", "proc.aexe")));
        assertTrue(names.stream().allMatch(n -> n.startsWith("proc.a")));
        assertEquals(java.util.List.of(), catalog.complete(SYSCALL, "ka."));
        assertTrue(catalog.complete("k8s_audit", "ka.").size() >= 100);
    }

    private static String dash(String s) {
        return "-".equals(s) ? null : s;
    }

    @Test
    void theFieldMeantEvenWhereItCannotBeUsed() {
        assertEquals("proc.name", catalog.resolve(SYSCALL, "proc.name", null).meantField().orElseThrow().name());
        assertEquals("proc.name", catalog.resolve(SYSCALL, "proc.name", "1").meantField().orElseThrow().name());
        assertEquals("ka.verb", catalog.resolve(SYSCALL, "ka.verb", null).meantField().orElseThrow().name());
        assertTrue(catalog.resolve(SYSCALL, "proc.nmae", null).meantField().isEmpty());
    }
}
