package dev.falconer.catalog.bench;

import dev.falconer.catalog.FieldCatalog;
import dev.falconer.catalog.Resolution;
import java.util.List;

/** Bounded measurement: first load of the shipped catalog, then resolve and suggestion costs. Run by hand. */
public final class CatalogBench {

    private CatalogBench() {
    }

    public static void main(String[] args) {
        long t0 = System.nanoTime();
        FieldCatalog catalog = FieldCatalog.defaults();
        catalog.fields("syscall");
        long load = System.nanoTime() - t0;
        List<String> names = List.of("proc.name", "evt.arg.flags", "proc.aname", "k8s.pod.label", "fd.sip");
        int rounds = 200_000;
        long sink = 0;
        long t1 = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            Resolution r = catalog.resolve("syscall", names.get(i % names.size()), i % 5 == 2 ? "1" : null);
            sink += r.name().length();
        }
        long resolve = (System.nanoTime() - t1) / rounds;
        int unknownRounds = 2_000;
        long t2 = System.nanoTime();
        for (int i = 0; i < unknownRounds; i++) {
            sink += ((Resolution.Unknown) catalog.resolve("syscall", "proc.nmae", null)).suggestions().size();
        }
        long unknown = (System.nanoTime() - t2) / unknownRounds;
        System.err.printf("first load %.1f ms; resolve %d ns; unknown with suggestions %d us (%d)%n",
                load / 1e6, resolve, unknown / 1000, sink);
    }
}
