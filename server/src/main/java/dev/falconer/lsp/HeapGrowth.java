package dev.falconer.lsp;

import com.sun.management.HotSpotDiagnosticMXBean;
import dev.falconer.workspace.RulesWorkspace;
import java.lang.management.ManagementFactory;

/**
 * Lets the heap grow in large steps while a large workspace is first read and checked. The
 * clients' flags keep the heap tight (20-40 % of it free after a full collection), so a heap that
 * has to grow does so one full collection at a time: reading and checking 60 files (90,000 lines)
 * grew it from 40 to 80 MB through four of them, 255 ms of a 1.4 s load. With 60-80 % free while
 * reading, one (35 ms), and the same heap at the end. The JVM's own ratios come back when the
 * reading ends: the next full collection gives back what editing does not need.
 *
 * <p>The ratios are manageable flags, changed through {@link HotSpotDiagnosticMXBean}; where they
 * cannot be (another JVM, no {@code jdk.management}), nothing changes. Readings may overlap: the
 * first raises the ratios, the last one to end restores them.
 */
final class HeapGrowth implements AutoCloseable {
    /** Bytes of rules files from which a reading grows the heap in large steps: those it also parses side by side. */
    static final long LARGE_WORKSPACE = RulesWorkspace.PARALLEL_BYTES;
    static final String MIN = "MinHeapFreeRatio";
    static final String MAX = "MaxHeapFreeRatio";
    private static final String READING_MIN = "60";
    private static final String READING_MAX = "80";

    private static final HeapGrowth NONE = new HeapGrowth();
    private static int open;
    private static String savedMin;
    private static String savedMax;

    private boolean closed;

    private HeapGrowth() {
    }

    /** For a reading of {@code bytes} of rules files: the large steps from {@link #LARGE_WORKSPACE} on, else nothing. */
    static HeapGrowth whileReading(long bytes) {
        if (bytes < LARGE_WORKSPACE) {
            return NONE;
        }
        synchronized (HeapGrowth.class) {
            if (open++ == 0) {
                try {
                    HotSpotDiagnosticMXBean vm = vm();
                    savedMin = vm.getVMOption(MIN).getValue();
                    savedMax = vm.getVMOption(MAX).getValue();
                    // the JVM keeps min <= max at every step: raising, the maximum goes first
                    vm.setVMOption(MAX, max(savedMax, READING_MAX));
                    vm.setVMOption(MIN, max(savedMin, READING_MIN));
                } catch (RuntimeException | LinkageError e) {
                    savedMin = null; // not manageable here: the reading goes on with the JVM's ratios
                }
            }
        }
        return new HeapGrowth();
    }

    @Override
    public void close() {
        synchronized (HeapGrowth.class) {
            if (this == NONE || closed) {
                return;
            }
            closed = true;
            if (--open == 0 && savedMin != null) {
                try {
                    HotSpotDiagnosticMXBean vm = vm();
                    vm.setVMOption(MIN, savedMin);
                    vm.setVMOption(MAX, savedMax);
                } catch (RuntimeException | LinkageError e) {
                    // raised once, so settable; a failure here leaves the larger steps, never an error
                }
                savedMin = null;
            }
        }
    }

    private static HotSpotDiagnosticMXBean vm() {
        return ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
    }

    /** The larger of two ratios: a user's own larger ratio is never lowered. */
    private static String max(String current, String reading) {
        return Integer.parseInt(current) >= Integer.parseInt(reading) ? current : reading;
    }
}
