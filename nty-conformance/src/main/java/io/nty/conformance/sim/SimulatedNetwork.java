package io.nty.conformance.sim;

import io.nty.api.IoEvents;
import io.nty.api.NtyException;
import io.nty.api.spi.Poller;
import io.nty.conformance.Rule;
import io.nty.conformance.jvm.ScenarioSockets;
import io.nty.conformance.scenario.Scenario;
import io.nty.conformance.scenario.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Simulated socket pairs and the {@link Poller} that watches them, so the fd rules (§4.1–§4.3)
 * can be verified in virtual time without a kernel, against any scheduler that accepts an
 * injected poller.
 *
 * <p>Semantics mirror level-triggered epoll on {@code AF_UNIX} stream socket pairs: an fd is
 * readable while bytes are buffered for it or its peer is closed; the poller reports armed,
 * open, readable fds in ascending fd order. The network also watches how the scheduler uses the
 * poller (the {@link Poller} contract: arm just before a waiter suspends, disarm as it resumes)
 * and records what breaks §4.1 and §4.2 as {@link Trace.Violation}s.
 *
 * <p>Thread-safe: all state is guarded by this object's monitor, because §1.3 tests call
 * {@link Poller#wakeup()} from another thread while {@link Poller#poll} blocks.
 */
public final class SimulatedNetwork implements ScenarioSockets {

    /** The longest a blocking poll waits before it reports the scenario stuck. */
    private static final long STUCK_AFTER_NANOS = 2_000_000_000L;

    private final int fdLimit;
    private final int[] buffered;
    private final boolean[] closed;
    private final Map<Integer, Integer> armed = new TreeMap<>();
    /** How many coroutines are inside {@code await(fd, …)} now, per fd, as the harness saw it. */
    private final int[] inAwait;
    private final List<Trace.Violation> violations = new ArrayList<>();
    private boolean wakeupPending;
    private int polls;

    /** @param pairs the number of socket pairs; pair k owns fds 3+2k and 4+2k */
    public SimulatedNetwork(int pairs) {
        this.fdLimit = Scenario.FIRST_FD + 2 * pairs;
        this.buffered = new int[fdLimit];
        this.closed = new boolean[fdLimit];
        this.inAwait = new int[fdLimit];
    }

    /** @return a new poller over this network; the scheduler under test owns it */
    public Poller newPoller() {
        return new SimPoller();
    }

    @Override
    public Optional<Poller> poller() {
        return Optional.of(newPoller());
    }

    @Override
    public int schedulerFd(int logicalFd) {
        return logicalFd;
    }

    @Override
    public void release() {
        // Plain memory: nothing to release.
    }

    /** @return what the scheduler did to the poller that breaks the rules */
    @Override
    public synchronized List<Trace.Violation> violations() {
        return List.copyOf(violations);
    }

    /** @return how many times the scheduler polled */
    public synchronized int polls() {
        return polls;
    }

    /**
     * @param fd a logical fd
     * @return whether it was closed by the scenario
     */
    @Override
    public synchronized boolean isClosed(int fd) {
        return closed[fd];
    }

    /**
     * Writes one byte on {@code fd}.
     *
     * @param fd the fd
     * @return {@code ok}, {@code epipe} (peer closed) or {@code ebadf} (fd closed)
     */
    @Override
    public synchronized String send(int fd) {
        if (closed[fd]) {
            return "ebadf";
        }
        int peer = Scenario.peerOf(fd);
        if (closed[peer]) {
            return "epipe";
        }
        buffered[peer]++;
        notifyAll();
        return "ok";
    }

    /**
     * Reads everything buffered for {@code fd}, without blocking.
     *
     * @param fd the fd
     * @return the byte count, {@code eof}, {@code eagain} or {@code ebadf}
     */
    @Override
    public synchronized String recv(int fd) {
        if (closed[fd]) {
            return "ebadf";
        }
        if (buffered[fd] > 0) {
            int n = buffered[fd];
            buffered[fd] = 0;
            return Integer.toString(n);
        }
        return closed[Scenario.peerOf(fd)] ? "eof" : "eagain";
    }

    /**
     * Closes {@code fd}: later operations on it give {@code ebadf}, its peer reads end of stream.
     *
     * @param fd the fd
     */
    @Override
    public synchronized void close(int fd) {
        closed[fd] = true;
        buffered[fd] = 0;
        notifyAll();
    }

    /**
     * The harness calls this as a coroutine enters {@code await(fd, …)}.
     *
     * @param fd the fd
     */
    @Override
    public synchronized void enterAwait(int fd) {
        inAwait[fd]++;
    }

    /**
     * The harness calls this as {@code await(fd, …)} returns or throws.
     *
     * @param fd the fd
     * @param suspended whether the call suspended (it did unless it failed at once, e.g. busy)
     * @param who the coroutine, for messages
     */
    @Override
    public synchronized void leaveAwait(int fd, boolean suspended, String who) {
        inAwait[fd]--;
        if (suspended && inAwait[fd] == 0 && armed.containsKey(fd)) {
            violations.add(new Trace.Violation(Rule.R4_2, "fd " + fd + " was still armed when its"
                    + " waiter (coroutine " + who + ") resumed: interest must be disarmed as the waiter resumes"));
        }
    }

    private synchronized void arm(int fd, int events) {
        if (fd < Scenario.FIRST_FD || fd >= fdLimit || closed[fd]) {
            throw new NtyException("EBADF: fd " + fd + " is not an open simulated socket");
        }
        if ((events & ~IoEvents.INTEREST_MASK) != 0 || events == 0) {
            throw new IllegalArgumentException("bad interest " + IoEvents.toString(events));
        }
        if (armed.containsKey(fd)) {
            violations.add(new Trace.Violation(Rule.R4_1, "fd " + fd + " armed twice without a disarm:"
                    + " a second waiter must be refused, not registered over the first"));
        }
        if (inAwait[fd] == 0) {
            violations.add(new Trace.Violation(Rule.R4_2, "fd " + fd + " armed while no coroutine waits on it"));
        }
        armed.put(fd, events);
    }

    private synchronized void disarm(int fd) {
        if (armed.remove(fd) == null && !closed[fd]) {
            violations.add(new Trace.Violation(Rule.R4_2, "fd " + fd + " disarmed but it was not armed"));
        }
    }

    /*
     * The sink is called outside the monitor: the scheduler resumes coroutines from the sink,
     * and a coroutine that suspends while its thread holds a monitor taken outside the
     * continuation later fails with IllegalMonitorStateException on JDK 25.
     */
    private int poll(long timeoutNanos, Poller.ReadySink sink) {
        List<int[]> ready = collectReady(timeoutNanos);
        for (int[] r : ready) {
            sink.ready(r[0], r[1]);
        }
        return ready.size();
    }

    private synchronized List<int[]> collectReady(long timeoutNanos) {
        polls++;
        List<int[]> ready = readyArmed();
        if (ready.isEmpty() && timeoutNanos != 0 && !wakeupPending) {
            long waitNanos = timeoutNanos < 0 ? STUCK_AFTER_NANOS : Math.min(timeoutNanos, STUCK_AFTER_NANOS);
            long end = System.nanoTime() + waitNanos;
            while (ready.isEmpty() && !wakeupPending && System.nanoTime() < end) {
                try {
                    long left = end - System.nanoTime();
                    wait(Math.max(1, left / 1_000_000L));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                ready = readyArmed();
            }
        }
        wakeupPending = false;
        for (int fd : armed.keySet()) {
            if (inAwait[fd] == 0 && !closed[fd]) {
                violations.add(new Trace.Violation(Rule.R4_2, "fd " + fd
                        + " is armed while no coroutine waits on it (a stale registration can wake the wrong coroutine)"));
            }
        }
        return ready;
    }

    private List<int[]> readyArmed() {
        List<int[]> ready = new ArrayList<>();
        for (Map.Entry<Integer, Integer> e : armed.entrySet()) {
            int fd = e.getKey();
            boolean peerClosed = closed[Scenario.peerOf(fd)];
            if (!closed[fd] && (e.getValue() & IoEvents.READ) != 0 && (buffered[fd] > 0 || peerClosed)) {
                ready.add(new int[] {fd, IoEvents.READ | (peerClosed ? IoEvents.HANGUP : 0)});
            }
        }
        return ready;
    }

    private synchronized void wakeup() {
        wakeupPending = true;
        notifyAll();
    }

    /** The poller view; a separate class so the network's own API stays free of SPI methods. */
    private final class SimPoller implements Poller {
        @Override
        public String name() {
            return "nty-conformance-simulated";
        }

        @Override
        public boolean supportsFds() {
            return true;
        }

        @Override
        public void arm(int fd, int events) {
            SimulatedNetwork.this.arm(fd, events);
        }

        @Override
        public void disarm(int fd, int events) {
            SimulatedNetwork.this.disarm(fd);
        }

        @Override
        public int poll(long timeoutNanos, ReadySink sink) {
            return SimulatedNetwork.this.poll(timeoutNanos, sink);
        }

        @Override
        public void wakeup() {
            SimulatedNetwork.this.wakeup();
        }

        @Override
        public void close() {
            // Nothing to release: the network is plain memory.
        }
    }
}
