package io.nty.examples.clients;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/** The CPU time this process has used, for the client-cost figure of a {@link ClientLoad}. */
final class ProcessCpu {

    private ProcessCpu() {
    }

    /** @return user + system nanoseconds of the whole process, or -1 where the JVM cannot tell */
    static long nanos() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean hotspot) {
            return hotspot.getProcessCpuTime();
        }
        return -1;
    }
}
