package io.nty.benchmarks;

import io.nty.api.Coroutines;
import io.nty.api.spi.VirtualClock;
import io.nty.scheduler.ContinuationSwitch;
import io.nty.scheduler.NtyScheduler;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates {@value #DEFAULT_COUNT} coroutines (or {@code args[0]}), lets each run until it sleeps,
 * and prints the heap each suspended coroutine costs. Meant to run under {@code -Xmx1g}.
 *
 * <p>A last coroutine, created after all sleepers, runs once every sleeper is suspended (§1.1,
 * §3.3b) and measures there. The scheduler uses a virtual clock, so the hour-long sleeps then end
 * at once and the program exits. Last line: {@code coroutines=N bytes_per_coroutine=B}.
 *
 * <p>Started without access to {@code jdk.internal.vm} (plain {@code java -cp}, where the jar's
 * manifest {@code Add-Exports} does not apply), it re-runs itself in a child JVM with the flag.
 */
public final class MillionSleepers {

    static final int DEFAULT_COUNT = 1_000_000;
    private static final long SLEEP_MILLIS = 3_600_000;

    private MillionSleepers() {
    }

    public static void main(String[] args) throws Exception {
        if (!Object.class.getModule().isExported("jdk.internal.vm", MillionSleepers.class.getModule())) {
            System.exit(relaunchWithExports(args));
        }
        int count = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_COUNT;
        long[] result = new long[1];
        long baseline = usedHeapAfterGc();
        try (NtyScheduler scheduler = NtyScheduler.builder().clock(new VirtualClock()).build()) {
            for (int i = 0; i < count; i++) {
                scheduler.create(MillionSleepers::sleepAnHour, null);
            }
            scheduler.create(unused -> result[0] = usedHeapAfterGc(), null);
            scheduler.run();
        }
        long perCoroutine = (result[0] - baseline) / count;
        System.out.println("heap_baseline_bytes=" + baseline + " heap_with_sleepers_bytes=" + result[0]
                + " max_heap_bytes=" + Runtime.getRuntime().maxMemory());
        System.out.println("coroutines=" + count + " bytes_per_coroutine=" + perCoroutine);
    }

    private static void sleepAnHour(Object unused) {
        Coroutines.sleep(SLEEP_MILLIS);
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static int relaunchWithExports(String[] args) throws Exception {
        System.err.println("MillionSleepers: no access to jdk.internal.vm; re-running with "
                + ContinuationSwitch.REQUIRED_FLAG);
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("--add-exports");
        command.add("java.base/jdk.internal.vm=ALL-UNNAMED");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(MillionSleepers.class.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).inheritIO().start().waitFor();
    }
}
