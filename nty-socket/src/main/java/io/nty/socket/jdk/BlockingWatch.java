package io.nty.socket.jdk;

import io.nty.api.Scheduler;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Detects what the hook cannot intercept: a call that blocks a scheduler thread, and with it every
 * coroutine on it — an NIO channel, {@code Thread.sleep}, name resolution, file IO, a wait for a
 * lock, a socket made before {@link JdkSocketHook#install()}, or CPU work that never yields —
 * and reports it by name.
 *
 * <p>How: a heartbeat coroutine on the watched scheduler notes the time and sleeps a quarter of
 * the threshold, in a loop; a daemon watchdog thread checks the note. When the heartbeat is later
 * than the threshold, the scheduler thread has not returned to its scheduler for that long: the
 * watchdog reads that thread's state and stack, names the first frame it recognises (see
 * {@link #diagnose}), and reports once per stall. Only the public {@link Scheduler} API is used,
 * so any conforming scheduler can be watched. The heartbeat keeps {@link Scheduler#run()} from
 * returning until the watch is {@linkplain #close() closed}.
 *
 * <p>State: each watch owns its heartbeat coroutine and watchdog thread; nothing is shared
 * between watches.
 */
public final class BlockingWatch implements AutoCloseable {

    private static final int FRAMES_SHOWN = 8;

    private final Scheduler scheduler;
    private final long thresholdNanos;
    private final Consumer<String> report;
    private final Thread watchdog;
    private final AtomicInteger stalls = new AtomicInteger();
    private volatile long lastBeat;
    private volatile boolean closed;

    private BlockingWatch(Scheduler scheduler, Duration threshold, Consumer<String> report) {
        this.scheduler = scheduler;
        this.thresholdNanos = threshold.toNanos();
        this.report = report;
        this.lastBeat = System.nanoTime();
        this.watchdog = Thread.ofPlatform().daemon().name("nty-blocking-watch-" + scheduler.thread().getName())
                .unstarted(this::watch);
    }

    /**
     * Starts watching {@code scheduler}. Call it on the scheduler's thread, before or while it runs.
     *
     * @param scheduler the scheduler to watch
     * @param threshold how long the thread may stay away from its scheduler before it is reported, {@code >= 1 ms}
     * @param report where reports go (called on the watchdog thread), e.g. {@code System.err::println}
     * @return the watch; close it to let {@code run()} return
     */
    public static BlockingWatch start(Scheduler scheduler, Duration threshold, Consumer<String> report) {
        Objects.requireNonNull(scheduler, "scheduler");
        Objects.requireNonNull(report, "report");
        if (threshold.toMillis() < 1) {
            throw new IllegalArgumentException("threshold must be at least 1 ms: " + threshold);
        }
        BlockingWatch watch = new BlockingWatch(scheduler, threshold, report);
        long beatMillis = Math.max(1, threshold.toMillis() / 4);
        scheduler.create(unused -> {
            while (!watch.closed) {
                watch.lastBeat = System.nanoTime();
                scheduler.sleep(beatMillis);
            }
        }, null);
        watch.watchdog.start();
        return watch;
    }

    /** {@return how many stalls have been reported so far} */
    public int stallsReported() {
        return stalls.get();
    }

    /** Stops watching: the heartbeat ends at its next beat, the watchdog at once. Idempotent. */
    @Override
    public void close() {
        closed = true;
        watchdog.interrupt();
    }

    private void watch() {
        long reportedBeat = -1;
        long pollMillis = Math.max(1, thresholdNanos / 4_000_000L);
        while (!closed) {
            try {
                Thread.sleep(pollMillis);
            } catch (InterruptedException e) {
                return;
            }
            long beat = lastBeat;
            long late = System.nanoTime() - beat;
            if (late > thresholdNanos && beat != reportedBeat && !closed) {
                reportedBeat = beat; // one report per stall
                Thread thread = scheduler.thread();
                String message = "nty: scheduler thread '" + thread.getName() + "' has not returned to its scheduler for "
                        + String.format(Locale.ROOT, "%,d", late / 1_000_000L) + " ms, so no other coroutine on it runs: "
                        + diagnose(thread.getState(), thread.getStackTrace());
                stalls.incrementAndGet();
                report.accept(message);
            }
        }
    }

    /**
     * Names what a thread that stays away from its scheduler is doing, from its state and stack.
     *
     * @param state the thread's state
     * @param stack its stack, innermost frame first
     * @return a diagnosis naming the blocking call and what to do instead, followed by the top frames
     */
    static String diagnose(Thread.State state, StackTraceElement[] stack) {
        String cause = null;
        if (state == Thread.State.BLOCKED) {
            cause = "it waits to enter a synchronized monitor that another thread holds";
        }
        // By priority, each over the whole stack: a JDK socket read also shows sun.nio.ch.Net
        // frames, a name lookup may park; the most specific frame names the call.
        for (int priority = 0; priority < PRIORITIES && cause == null; priority++) {
            for (int i = 0; i < stack.length && cause == null; i++) {
                cause = recognise(priority, stack[i]);
            }
        }
        if (cause == null) {
            cause = "no known blocking call on its stack: CPU work that does not yield (§3.1), or the thread is"
                    + " not getting a CPU";
        }
        StringBuilder b = new StringBuilder(cause).append("; state ").append(state).append(", at");
        for (int i = 0; i < Math.min(FRAMES_SHOWN, stack.length); i++) {
            b.append("\n\tat ").append(stack[i]);
        }
        return b.toString();
    }

    private static final int PRIORITIES = 8;

    /** {@return the diagnosis of recogniser {@code priority} for one frame, or {@code null}} */
    private static String recognise(int priority, StackTraceElement frame) {
        String c = frame.getClassName();
        String m = frame.getMethodName();
        return switch (priority) {
            case 0 -> c.equals("sun.nio.ch.NioSocketImpl")
                    ? "a java.net socket with the JDK's own implementation (made before JdkSocketHook.install(), or"
                            + " the hook is not installed)" : null;
            // The frames that really ask a name service: parsing an IP literal (getAllByName on
            // "127.0.0.1") is CPU work and must not be blamed on DNS.
            case 1 -> c.startsWith("java.net.Inet") && (m.equals("lookupAllHostAddr") || m.equals("lookupByName")
                    || m.equals("getAddressesFromNameService") || m.equals("getHostByAddr"))
                    || c.equals("java.net.InetAddress$NameServiceAddresses")
                    ? "host-name resolution (" + c + "." + m + ") on the scheduler thread: install the hook with a"
                            + " resolver offload (JdkSocketHook.install(BlockingOffload), or the agent's"
                            + " resolverWorkers=N), resolve before the coroutines start, or use IP literals" : null;
            case 2 -> c.startsWith("sun.nio.ch.") && (c.contains("SocketChannel") || c.contains("Selector")
                    || c.contains("DatagramChannel")) || c.startsWith("java.nio.channels.")
                    ? "an NIO channel or selector (" + c + "." + m + "): NIO is not hooked by nty; use java.net"
                            + " sockets (hooked) or nty-socket's NtySocket" : null;
            case 3 -> c.equals("java.lang.Thread") && m.startsWith("sleep")
                    ? "Thread.sleep, which is not hooked: use Coroutines.sleep or Scheduler.sleep" : null;
            case 4 -> c.startsWith("java.io.File") || c.startsWith("java.io.RandomAccessFile")
                    || c.equals("sun.nio.ch.FileChannelImpl") || c.startsWith("sun.nio.fs.")
                    ? "file IO (" + c + "." + m + "), which is not hooked" : null;
            case 5 -> c.startsWith("java.lang.ProcessImpl") || c.startsWith("java.lang.ProcessHandleImpl")
                    ? "waiting for or talking to a child process, which is not hooked" : null;
            case 6 -> c.equals("java.lang.Object") && m.startsWith("wait")
                    ? "Object.wait, which blocks the thread" : null;
            case 7 -> c.equals("jdk.internal.misc.Unsafe") && m.equals("park")
                    || c.equals("java.util.concurrent.locks.LockSupport")
                    ? "a wait on a java.util.concurrent lock, condition, queue or future: if another coroutine of"
                            + " this thread holds what it waits for, it can never release it" : null;
            default -> throw new IllegalArgumentException("no recogniser " + priority);
        };
    }
}
