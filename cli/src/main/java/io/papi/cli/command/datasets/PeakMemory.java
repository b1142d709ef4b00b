package io.papi.cli.command.datasets;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The process's peak memory so far: the Java heap's (sum of the heap pools' peaks) and, on Linux, the resident set's
 * high-water mark, which also counts the embedded engine's native memory.
 */
final class PeakMemory {
    private PeakMemory() {}

    static String describe() {
        long heap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                heap += pool.getPeakUsage().getUsed();
            }
        }
        String line = String.format(
                Locale.ROOT,
                "peak Java heap %,d MiB (max %,d MiB)",
                heap >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
        long rss = residentHighWaterKiB();
        return rss > 0 ? line + String.format(Locale.ROOT, ", peak resident memory %,d MiB", rss >> 10) : line;
    }

    private static long residentHighWaterKiB() {
        try {
            for (String row : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (row.startsWith("VmHWM:")) {
                    return Long.parseLong(row.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: the heap figure alone
        }
        return -1;
    }
}
