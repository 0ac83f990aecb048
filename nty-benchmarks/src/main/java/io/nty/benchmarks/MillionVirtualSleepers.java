package io.nty.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The peer of {@link MillionSleepers}: starts {@value MillionSleepers#DEFAULT_COUNT} virtual threads
 * (or {@code args[0]}), each sleeping an hour a few frames deep, and prints the heap each sleeping
 * thread costs, measured the same way (used heap after GC, against the same figure before).
 * Meant to run under the same {@code -Xmx1g}, on one carrier like nty's one scheduler thread
 * ({@code -Djdk.virtualThreadScheduler.parallelism=1 -Djdk.virtualThreadScheduler.maxPoolSize=1}).
 *
 * <p>Every thread counts down a latch just before it sleeps; once the latch is open and the
 * carrier has run the last of them into its sleep, the heap is measured and the program exits
 * (the sleepers are daemon threads). Last line: {@code virtual_threads=N bytes_per_thread=B}.
 */
public final class MillionVirtualSleepers {

    private static final long SLEEP_MILLIS = 3_600_000;

    private MillionVirtualSleepers() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : MillionSleepers.DEFAULT_COUNT;
        if (count <= 0) {
            throw new IllegalArgumentException("the number of threads must be positive: " + count);
        }
        long baseline = usedHeapAfterGc();
        CountDownLatch asleep = new CountDownLatch(count);
        Thread.Builder builder = Thread.ofVirtual();
        for (int i = 0; i < count; i++) {
            builder.start(() -> sleepAnHour(asleep));
        }
        if (!asleep.await(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException("not every virtual thread reached its sleep within 10 minutes");
        }
        // The last thread counted down just before sleeping: give the carrier a moment to park it.
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        long used = usedHeapAfterGc();
        System.out.println("heap_baseline_bytes=" + baseline + " heap_with_sleepers_bytes=" + used
                + " max_heap_bytes=" + Runtime.getRuntime().maxMemory());
        System.out.println("virtual_threads=" + count + " bytes_per_thread=" + (used - baseline) / count);
        System.exit(0);
    }

    /** A few frames deep, as MillionSleepers' coroutines are, then asleep. */
    private static void sleepAnHour(CountDownLatch asleep) {
        asleep.countDown();
        try {
            Thread.sleep(SLEEP_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
