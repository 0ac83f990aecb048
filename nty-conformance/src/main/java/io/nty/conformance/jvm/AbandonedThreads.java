package io.nty.conformance.jvm;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * Scenario threads the suite gave up on that did not unwind, and which of them still burn CPU.
 *
 * <p>A JVM cannot kill a thread. An abandoned thread that blocks costs nothing, but one that
 * busy-loops without touching the harness (so {@link ScenarioGuard} cannot stop it) takes a core
 * for the rest of the run, and a few of them starve every later scenario: their real-time limits
 * expire and rules the implementation does not break would fail. So the runner counts them and,
 * past a limit, stops running scenarios in this process (they end {@code Hung}, naming the
 * reason) instead of reporting starvation as rule failures. A driver, a separate process the
 * suite can kill, has no such limit.
 */
final class AbandonedThreads {

    /** A thread that used at least this share of one core since its last look is spinning (a blocked one uses none; on a loaded machine a spinning one may get little more). */
    private static final double SPINNING_SHARE = 0.1;

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final List<Entry> entries = new ArrayList<>();

    private static final class Entry {
        final Thread thread;
        long cpuNanos;
        long wallNanos;
        boolean spinning = true;

        Entry(Thread thread, long cpuNanos) {
            this.thread = thread;
            this.cpuNanos = cpuNanos;
            this.wallNanos = System.nanoTime();
        }
    }

    /** @param t a scenario thread still alive after it was abandoned */
    synchronized void add(Thread t) {
        entries.add(new Entry(t, cpu(t)));
    }

    /**
     * @return how many abandoned threads are alive and used a tenth of a core or more since the last
     *         call (a thread is looked at again only after 50 ms, so one look is a fair sample)
     */
    synchronized int spinning() {
        entries.removeIf(e -> !e.thread.isAlive());
        int n = 0;
        long now = System.nanoTime();
        for (Entry e : entries) {
            long wall = now - e.wallNanos;
            if (wall >= 50_000_000L) {
                long cpu = cpu(e.thread);
                e.spinning = cpu < 0 || (cpu - e.cpuNanos) >= SPINNING_SHARE * wall;
                e.cpuNanos = cpu;
                e.wallNanos = now;
            }
            if (e.spinning) {
                n++;
            }
        }
        return n;
    }

    private long cpu(Thread t) {
        return threads.isThreadCpuTimeSupported() ? threads.getThreadCpuTime(t.threadId()) : -1;
    }
}
