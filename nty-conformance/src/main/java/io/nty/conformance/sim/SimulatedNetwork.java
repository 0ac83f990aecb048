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
 * readable while bytes are buffered for it or its peer is closed; it is writable while its peer's
 * buffer holds fewer than {@value #CAPACITY} bytes (a {@code fill} writes it full, a read of the
 * peer empties it) or its peer is closed (a hang-up, readiness of both directions). Interest is
 * per direction (§4.1): the poller holds the union of the armed directions of each fd and reports
 * armed, open fds that are ready in an armed direction, in ascending fd order, with the ready
 * events of the armed directions plus {@code HANGUP} when the peer is closed. The network also watches how the scheduler uses the
 * poller (the {@link Poller} contract: arm just before a waiter suspends, disarm as it resumes)
 * and records what breaks §4.1 and §4.2 as {@link Trace.Violation}s.
 *
 * <p>Fds are numbered two ways: scenarios (and this class's socket methods) use logical fds,
 * {@code 3+2k} and {@code 4+2k} for pair {@code k}; the scheduler sees {@link #schedulerFd} numbers
 * in {@code await}, {@code fdClosed} and the poller. {@link #SimulatedNetwork(int)} makes them
 * the same; {@link #withHighFds(int)} places them on both sides of 64 and 1024 ({@link #HIGH_FDS}),
 * so that a wait table of fixed size, or one that grows wrongly, is caught.
 *
 * <p>Thread-safe: all state is guarded by this object's monitor, because §1.3 tests call
 * {@link Poller#wakeup()} from another thread while {@link Poller#poll} blocks.
 */
public final class SimulatedNetwork implements ScenarioSockets {

    /** Bytes one direction of a simulated socket pair holds before it is full (not writable). */
    public static final int CAPACITY = 256;

    /** The longest a blocking poll waits before it reports the scenario stuck. */
    private static final long STUCK_AFTER_NANOS = 2_000_000_000L;

    /**
     * The scheduler fds of the first logical fds under {@link #withHighFds}: 3 becomes 63, 4 becomes
     * 64, 5 becomes 1023, 6 becomes 1024, … — the edges of 64- and 1024-entry tables (and of
     * {@code FD_SETSIZE}); later ones count on from 1026.
     */
    public static final int[] HIGH_FDS = {63, 64, 1023, 1024, 62, 65, 1022, 1025};

    private final int fdLimit;
    /** The scheduler fd of each logical fd. */
    private final int[] numbers;
    /** The logical fd of each scheduler fd. */
    private final Map<Integer, Integer> logical = new java.util.HashMap<>();
    private final int[] buffered;
    private final boolean[] closed;
    private final Map<Integer, Integer> armed = new TreeMap<>();
    /** How many coroutines are inside {@code await(fd, READ)} now, per fd, as the harness saw it. */
    private final int[] inAwait;
    /** The same for {@code await(fd, WRITE)}: a reader and a writer may wait at once (§4.1). */
    private final int[] inAwaitWrite;
    private final List<Trace.Violation> violations = new ArrayList<>();
    private boolean wakeupPending;
    private boolean failWhenStuck;
    private int polls;

    /**
     * A network whose scheduler fds are the logical ones.
     *
     * @param pairs the number of socket pairs; pair k owns fds 3+2k and 4+2k
     */
    public SimulatedNetwork(int pairs) {
        this(pairs, false);
    }

    private SimulatedNetwork(int pairs, boolean high) {
        this.fdLimit = Scenario.FIRST_FD + 2 * pairs;
        this.buffered = new int[fdLimit];
        this.closed = new boolean[fdLimit];
        this.inAwait = new int[fdLimit];
        this.inAwaitWrite = new int[fdLimit];
        this.numbers = new int[fdLimit];
        for (int fd = Scenario.FIRST_FD; fd < fdLimit; fd++) {
            int i = fd - Scenario.FIRST_FD;
            numbers[fd] = !high ? fd : i < HIGH_FDS.length ? HIGH_FDS[i] : 1026 + i - HIGH_FDS.length;
            logical.put(numbers[fd], fd);
        }
    }

    /**
     * {@return a network whose scheduler fds lie on both sides of 64 and 1024 ({@link #HIGH_FDS})}
     *
     * @param pairs the number of socket pairs
     */
    public static SimulatedNetwork withHighFds(int pairs) {
        return new SimulatedNetwork(pairs, true);
    }

    /** {@return a new poller over this network; the scheduler under test owns it} */
    public Poller newPoller() {
        return new SimPoller();
    }

    @Override
    public Optional<Poller> poller() {
        return Optional.of(newPoller());
    }

    @Override
    public int schedulerFd(int logicalFd) {
        return numbers[logicalFd];
    }

    /** @return the logical fd of a scheduler fd, or -1 if it is none of this network's */
    private int logicalOf(int schedulerFd) {
        return logical.getOrDefault(schedulerFd, -1);
    }

    /** @return how messages name a logical fd: with its scheduler number when that differs */
    private String name(int fd) {
        return numbers[fd] == fd ? "fd " + fd : "fd " + fd + " (scheduler fd " + numbers[fd] + ")";
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

    /**
     * For scenarios in which no other thread acts: a poll without a timeout while no armed fd is
     * ready can then never end, so it fails at once ({@link NtyException}, out of the scheduler's
     * {@code run()}) instead of blocking; the trace shows where the scheduler lost a wakeup
     * without costing real time.
     */
    public synchronized void failWhenStuck() {
        failWhenStuck = true;
    }

    /** {@return how many times the scheduler polled} */
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
        if (buffered[peer] >= CAPACITY) {
            return "eagain";
        }
        buffered[peer]++;
        notifyAll();
        return "ok";
    }

    /**
     * Writes on {@code fd} until its peer's buffer holds {@value #CAPACITY} bytes: {@code fd} is then
     * not writable until the peer reads.
     *
     * @param fd the fd
     * @return {@code ok}, {@code epipe} or {@code ebadf}
     */
    @Override
    public synchronized String fill(int fd) {
        if (closed[fd]) {
            return "ebadf";
        }
        int peer = Scenario.peerOf(fd);
        if (closed[peer]) {
            return "epipe";
        }
        buffered[peer] = Math.max(buffered[peer], CAPACITY);
        notifyAll();
        return "ok";
    }

    /**
     * Reads everything buffered for {@code fd}; its peer becomes writable again.
     *
     * @param fd the fd
     * @return {@code ok}, {@code eof}, {@code eagain} or {@code ebadf}
     */
    @Override
    public synchronized String drain(int fd) {
        String r = recv(fd);
        return r.equals("eof") || r.equals("eagain") || r.equals("ebadf") ? r : "ok";
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
            notifyAll(); // the peer's writer may be waiting for the space
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
        enterAwait(fd, IoEvents.READ);
    }

    /**
     * The harness calls this as a coroutine enters {@code await(fd, events)}.
     *
     * @param fd the fd
     * @param events the direction, {@code READ} or {@code WRITE}
     */
    @Override
    public synchronized void enterAwait(int fd, int events) {
        waiting(events)[fd]++;
    }

    private int[] waiting(int events) {
        return (events & IoEvents.WRITE) != 0 ? inAwaitWrite : inAwait;
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
        leaveAwait(fd, IoEvents.READ, suspended, who);
    }

    /**
     * The harness calls this as {@code await(fd, events)} returns or throws (also when it throws
     * a cancellation, §6.3: the interest must be gone by then too).
     *
     * @param fd the fd
     * @param events the direction, {@code READ} or {@code WRITE}
     * @param suspended whether the call suspended
     * @param who the coroutine, for messages
     */
    @Override
    public synchronized void leaveAwait(int fd, int events, boolean suspended, String who) {
        int[] count = waiting(events);
        count[fd]--;
        int dir = (events & IoEvents.WRITE) != 0 ? IoEvents.WRITE : IoEvents.READ;
        if (suspended && count[fd] == 0 && (armed.getOrDefault(fd, 0) & dir) != 0) {
            violations.add(new Trace.Violation(Rule.R4_2, name(fd) + " was still armed for " + IoEvents.toString(dir)
                    + " when its waiter (coroutine " + who + ") resumed: interest must be disarmed as the waiter resumes"
                    + " (on readiness, timeout, close or cancellation)"));
        }
    }

    private synchronized void arm(int schedulerFd, int events) {
        int fd = logicalOf(schedulerFd);
        if (fd < 0 || closed[fd]) {
            throw new NtyException("EBADF: fd " + schedulerFd + " is not an open simulated socket");
        }
        if ((events & ~IoEvents.INTEREST_MASK) != 0 || events == 0) {
            throw new IllegalArgumentException("bad interest " + IoEvents.toString(events));
        }
        int already = armed.getOrDefault(fd, 0);
        if ((already & events) != 0) {
            violations.add(new Trace.Violation(Rule.R4_1, name(fd) + " armed for " + IoEvents.toString(already & events)
                    + " twice without a disarm: a second reader (or writer) must be refused, not registered over the first"));
        }
        for (int dir : new int[] {IoEvents.READ, IoEvents.WRITE}) {
            if ((events & dir) != 0 && waiting(dir)[fd] == 0) {
                violations.add(new Trace.Violation(Rule.R4_2, name(fd) + " armed for " + IoEvents.toString(dir)
                        + " while no coroutine waits on it in that direction"));
            }
        }
        armed.put(fd, already | events);
    }

    private synchronized void disarm(int schedulerFd, int events) {
        int fd = logicalOf(schedulerFd);
        if (fd < 0) {
            violations.add(new Trace.Violation(Rule.R4_2, "fd " + schedulerFd + " disarmed, but no simulated socket has that number"));
            return;
        }
        Integer was = armed.get(fd);
        if ((was == null || (was & events) == 0) && !closed[fd]) {
            violations.add(new Trace.Violation(Rule.R4_2, name(fd) + " disarmed for " + IoEvents.toString(events)
                    + " but it was not armed for it"));
        }
        if (was != null) {
            int left = was & ~events;
            if (left == 0) {
                armed.remove(fd);
            } else {
                armed.put(fd, left);
            }
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
        if (ready.isEmpty() && timeoutNanos < 0 && !wakeupPending && failWhenStuck) {
            throw new NtyException("the scheduler polls without a timeout, but no armed fd is ready and no other"
                    + " thread can make one ready: this poll would block forever (armed: " + armed.keySet() + ")");
        }
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
        for (Map.Entry<Integer, Integer> e : armed.entrySet()) {
            int fd = e.getKey();
            for (int dir : new int[] {IoEvents.READ, IoEvents.WRITE}) {
                if ((e.getValue() & dir) != 0 && waiting(dir)[fd] == 0 && !closed[fd]) {
                    violations.add(new Trace.Violation(Rule.R4_2, name(fd) + " is armed for " + IoEvents.toString(dir)
                            + " while no coroutine waits on it so (a stale registration can wake the wrong coroutine)"));
                }
            }
        }
        return ready;
    }

    private List<int[]> readyArmed() {
        List<int[]> ready = new ArrayList<>();
        for (Map.Entry<Integer, Integer> e : armed.entrySet()) {
            int fd = e.getKey();
            int peer = Scenario.peerOf(fd);
            boolean peerClosed = closed[peer];
            if (closed[fd]) {
                continue;
            }
            int ev = 0;
            if ((e.getValue() & IoEvents.READ) != 0 && (buffered[fd] > 0 || peerClosed)) {
                ev |= IoEvents.READ;
            }
            if ((e.getValue() & IoEvents.WRITE) != 0 && (buffered[peer] < CAPACITY || peerClosed)) {
                ev |= IoEvents.WRITE;
            }
            if (ev != 0) {
                ready.add(new int[] {numbers[fd], ev | (peerClosed ? IoEvents.HANGUP : 0)});
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
            SimulatedNetwork.this.disarm(fd, events);
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
