package dev.falconer.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class HeapGrowthTest {
    private static final HotSpotDiagnosticMXBean VM = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);

    private static int ratio(String name) {
        return Integer.parseInt(VM.getVMOption(name).getValue());
    }

    @Test
    void aSmallWorkspaceLeavesTheRatiosAlone() {
        int min = ratio(HeapGrowth.MIN);
        int max = ratio(HeapGrowth.MAX);
        try (HeapGrowth g = HeapGrowth.whileReading(HeapGrowth.LARGE_WORKSPACE - 1)) {
            assertEquals(min, ratio(HeapGrowth.MIN));
            assertEquals(max, ratio(HeapGrowth.MAX));
        }
    }

    @Test
    void aLargeWorkspaceRaisesTheRatiosUntilTheLastReadingEnds() {
        int min = ratio(HeapGrowth.MIN);
        int max = ratio(HeapGrowth.MAX);
        HeapGrowth first = HeapGrowth.whileReading(HeapGrowth.LARGE_WORKSPACE);
        assertEquals(Math.max(min, 60), ratio(HeapGrowth.MIN));
        assertEquals(Math.max(max, 80), ratio(HeapGrowth.MAX));
        HeapGrowth second = HeapGrowth.whileReading(10L * HeapGrowth.LARGE_WORKSPACE);
        first.close();
        first.close(); // twice: still counted once
        assertEquals(Math.max(min, 60), ratio(HeapGrowth.MIN), "the second reading is still on");
        second.close();
        assertEquals(min, ratio(HeapGrowth.MIN));
        assertEquals(max, ratio(HeapGrowth.MAX));
    }

    @Test
    void aLargerRatioOfTheUsersIsNotLowered() {
        int min = ratio(HeapGrowth.MIN);
        int max = ratio(HeapGrowth.MAX);
        try {
            VM.setVMOption(HeapGrowth.MAX, "95");
            VM.setVMOption(HeapGrowth.MIN, "70");
            try (HeapGrowth g = HeapGrowth.whileReading(HeapGrowth.LARGE_WORKSPACE)) {
                assertEquals(70, ratio(HeapGrowth.MIN));
                assertEquals(95, ratio(HeapGrowth.MAX));
            }
            assertEquals(70, ratio(HeapGrowth.MIN));
            assertEquals(95, ratio(HeapGrowth.MAX));
        } finally {
            VM.setVMOption(HeapGrowth.MIN, String.valueOf(min));
            VM.setVMOption(HeapGrowth.MAX, String.valueOf(max));
        }
    }
}
