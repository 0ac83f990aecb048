package io.nty.examples.clients;

import io.nty.examples.echo.LatencyHistogram;
import io.nty.scheduler.NtyScheduler;
import io.nty.socket.jdk.BlockingWatch;
import io.nty.socket.jdk.JdkSocketHook;
import io.nty.sync.BlockingOffload;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * Runs {@code sessions} copies of a {@link ClientSession} at once — on nty coroutines on the
 * calling thread, or on virtual threads — beside a sentinel that sleeps 1 ms in a loop, and
 * collects per-query latency, errors and what the sentinel saw.
 *
 * <p>The sentinel is the proof that the sessions' blocking calls suspended instead of blocking:
 * on one thread it can run while a query is in flight only if that query's wait gave the thread
 * away. One run per instance.
 */
public final class ClientLoad {

    /**
     * Where a host name given to a session is looked up: the hook takes one resolver offload per
     * process and keeps it, so this class owns the one the client samples use. Its workers are
     * daemon threads that time out when idle.
     */
    private static final BlockingOffload RESOLVER = new BlockingOffload(2, 64);


    private static final long SENTINEL_SLEEP_MILLIS = 1;
    /** On nty, a {@link BlockingWatch} reports a thread away from its scheduler this long. */
    private static final Duration STALL_THRESHOLD = Duration.ofSeconds(1);

    private final ClientRuntime runtime;
    private final int sessions;
    private final ClientSession session;
    private final Tally tally = new Tally();
    private final CountDownLatch allConnected;
    private final Consumer<String> stallReports;
    private boolean ran;

    /**
     * @param runtime where to run
     * @param sessions how many sessions at once, {@code > 0}
     * @param session what each does
     */
    public ClientLoad(ClientRuntime runtime, int sessions, ClientSession session) {
        this(runtime, sessions, session, report -> { });
    }

    /**
     * @param runtime where to run
     * @param sessions how many sessions at once, {@code > 0}
     * @param session what each does
     * @param stallReports on {@link ClientRuntime#NTY}, where a {@link BlockingWatch} reports the
     *        scheduler thread blocked for over a second, naming the call (e.g. {@code System.err::println})
     */
    public ClientLoad(ClientRuntime runtime, int sessions, ClientSession session, Consumer<String> stallReports) {
        this.stallReports = Objects.requireNonNull(stallReports, "stallReports");
        if (sessions <= 0) {
            throw new IllegalArgumentException("sessions must be > 0: " + sessions);
        }
        this.runtime = runtime;
        this.sessions = sessions;
        this.session = session;
        this.allConnected = new CountDownLatch(sessions);
    }

    /**
     * Runs every session to its end.
     *
     * @return the figures
     * @throws IllegalStateException if run twice; for {@link ClientRuntime#NTY} if another socket
     *         factory owns the JDK's sockets or the thread has a scheduler already; for
     *         {@link ClientRuntime#VIRTUAL} if the nty hook is installed in this JVM
     * @throws InterruptedException if interrupted while waiting for virtual threads
     */
    public ClientLoadResult run() throws InterruptedException {
        if (ran) {
            throw new IllegalStateException("this load has run already; make a new one");
        }
        ran = true;
        switch (runtime) {
            case NTY -> runOnCoroutines();
            case VIRTUAL -> runOnVirtualThreads();
        }
        return tally.result(runtime, sessions);
    }

    private void runOnCoroutines() {
        JdkSocketHook.install(RESOLVER);
        try (NtyScheduler scheduler = NtyScheduler.builder().name("client-load").build()) {
            for (int i = 0; i < sessions; i++) {
                Context context = new Context(() -> {
                    while (allConnected.getCount() > 0) {
                        scheduler.sleep(1);
                    }
                });
                scheduler.create(number -> runSession(number, context), i);
            }
            BlockingWatch watch = BlockingWatch.start(scheduler, STALL_THRESHOLD, stallReports);
            scheduler.create(unused -> {
                try {
                    sentinel(() -> scheduler.sleep(SENTINEL_SLEEP_MILLIS));
                } finally {
                    watch.close(); // lets run() return once the sessions have ended
                }
            }, null);
            scheduler.run();
        }
    }

    private void runOnVirtualThreads() throws InterruptedException {
        if (JdkSocketHook.isInstalled()) {
            throw new IllegalStateException("the nty socket hook is installed in this JVM: virtual threads would"
                    + " block their carrier in its poll(2) fallback; measure virtual threads in a JVM of their own");
        }
        List<Thread> threads = new ArrayList<>(sessions + 1);
        for (int i = 0; i < sessions; i++) {
            int number = i;
            Context context = new Context(allConnected::await);
            threads.add(Thread.ofVirtual().name("session-" + i).start(() -> runSession(number, context)));
        }
        threads.add(Thread.ofVirtual().name("sentinel").start(() -> {
            try {
                sentinel(() -> Thread.sleep(SENTINEL_SLEEP_MILLIS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        for (Thread t : threads) {
            t.join();
        }
    }

    private void runSession(int number, Context context) {
        try {
            session.run(number, context);
        } catch (Exception | AssertionError e) {
            tally.failed("session " + number + ": " + e);
        } finally {
            if (context.queryInFlight) {
                tally.queryAbandoned(); // the query failed: it is no longer in flight
            }
            if (!context.connectedCalled) {
                allConnected.countDown(); // failed before connecting: do not hold the others back
                tally.connectedOrFailed();
            }
            tally.sessionEnded();
        }
    }

    /** The sentinel's loop: until every session has ended, sleep 1 ms and note what it found. */
    private void sentinel(Sleep sleep) throws InterruptedException {
        long last = System.nanoTime();
        while (!tally.allEnded(sessions)) {
            sleep.sleep();
            long now = System.nanoTime();
            tally.tick(now - last - SENTINEL_SLEEP_MILLIS * 1_000_000L);
            last = now;
        }
    }

    @FunctionalInterface
    private interface Sleep {
        void sleep() throws InterruptedException;
    }

    @FunctionalInterface
    private interface Await {
        void await() throws InterruptedException;
    }

    /** One session's context: marks it connected once, waits for the others, times its queries. */
    private final class Context implements SessionContext {
        private final Await awaitAll;
        private boolean connectedCalled;
        private boolean queryInFlight;

        Context(Await awaitAll) {
            this.awaitAll = awaitAll;
        }

        @Override
        public void connected() throws InterruptedException {
            if (connectedCalled) {
                throw new IllegalStateException("connected() called twice");
            }
            connectedCalled = true;
            allConnected.countDown();
            tally.connectedOrFailed();
            awaitAll.await();
            tally.startQueryPhase();
        }

        @Override
        public long queryStarted() {
            if (queryInFlight) {
                throw new IllegalStateException("queryStarted() twice without queryDone()");
            }
            queryInFlight = true;
            tally.queryStarted();
            return System.nanoTime();
        }

        @Override
        public void queryDone(long startNanos) {
            queryInFlight = false;
            tally.queryDone(System.nanoTime() - startNanos);
        }
    }

    /**
     * The counters, behind one monitor: coroutines never suspend while holding it, and virtual
     * threads (JDK 24+) do not pin on it.
     */
    private static final class Tally {
        private final LatencyHistogram latency = new LatencyHistogram();
        private int connectedOrFailed;
        private int ended;
        private int inFlight;
        private long queries;
        private long errors;
        private String firstError;
        private long phaseStart;
        private long phaseEnd;
        private long ticks;
        private long ticksDuringQueries;
        private long maxGapNanos;
        private long maxGapInPhaseNanos;
        private long phaseStartCpuNanos;
        private long phaseEndCpuNanos;

        synchronized void connectedOrFailed() {
            connectedOrFailed++;
        }

        synchronized void startQueryPhase() {
            if (phaseStart == 0) {
                phaseStart = System.nanoTime();
                phaseStartCpuNanos = ProcessCpu.nanos();
            }
        }

        synchronized void queryStarted() {
            inFlight++;
        }

        synchronized void queryAbandoned() {
            inFlight--;
        }

        synchronized void queryDone(long nanos) {
            inFlight--;
            queries++;
            latency.recordNanos(nanos);
        }

        synchronized void failed(String error) {
            errors++;
            if (firstError == null) {
                firstError = error;
            }
        }

        synchronized void sessionEnded() {
            ended++;
            phaseEnd = System.nanoTime();
            phaseEndCpuNanos = ProcessCpu.nanos();
        }

        synchronized boolean allEnded(int sessions) {
            return ended == sessions;
        }

        synchronized void tick(long gapNanos) {
            ticks++;
            if (inFlight > 0) {
                ticksDuringQueries++;
            }
            maxGapNanos = Math.max(maxGapNanos, gapNanos);
            if (phaseStart != 0) {
                maxGapInPhaseNanos = Math.max(maxGapInPhaseNanos, gapNanos);
            }
        }

        synchronized ClientLoadResult result(ClientRuntime runtime, int sessions) {
            long phase = phaseStart == 0 ? 0 : phaseEnd - phaseStart;
            long cpu = phaseStart == 0 || phaseStartCpuNanos < 0 ? -1 : phaseEndCpuNanos - phaseStartCpuNanos;
            return new ClientLoadResult(runtime, sessions, queries, errors, phase, cpu, latency, firstError, ticks,
                    ticksDuringQueries, Math.max(0, maxGapNanos) / 1_000, Math.max(0, maxGapInPhaseNanos) / 1_000);
        }
    }
}
