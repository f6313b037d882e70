package dev.falconer.lsp;

import java.util.Map;

/** Every thread's stack, for the message of a test that waited in vain (what held the answer). */
final class ThreadDump {
    private ThreadDump() {
    }

    static String all() {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
            out.append('"').append(e.getKey().getName()).append("\" ").append(e.getKey().getState()).append('\n');
            for (StackTraceElement frame : e.getValue()) {
                out.append("    at ").append(frame).append('\n');
            }
        }
        return out.toString();
    }
}
