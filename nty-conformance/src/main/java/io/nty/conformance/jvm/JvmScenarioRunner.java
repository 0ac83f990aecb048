package io.nty.conformance.jvm;

import io.nty.api.Scheduler;
import io.nty.api.spi.Poller;
import io.nty.api.spi.VirtualClock;
import io.nty.conformance.Capability;
import io.nty.conformance.ConformanceProvider;
import io.nty.conformance.NativeContexts;
import io.nty.conformance.Rule;
import io.nty.conformance.ScenarioRunner;
import io.nty.conformance.SchedulerOptions;
import io.nty.conformance.scenario.Scenario;
import io.nty.conformance.scenario.Trace;
import io.nty.conformance.sim.SimulatedNetwork;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Runs scenarios in process on schedulers made by a {@link ConformanceProvider}, each on a fresh
 * thread with a fresh {@link VirtualClock} and {@link SimulatedNetwork}. The simulated sockets
 * give the scheduler fd numbers on both sides of 64 and 1024 ({@link SimulatedNetwork#withHighFds}),
 * where fd-indexed tables of a fixed size break.
 *
 * <p>A fresh thread per scenario keeps one broken scheduler (one that never unbinds, or hangs)
 * from poisoning the next run. A run that does not finish within {@link #TIMEOUT_MILLIS} (after
 * one hang, {@link #TIMEOUT_AFTER_HANG_MILLIS}) ends {@link Trace.Ending.Hung}: the scenario is
 * abandoned, and its clock, poller and coroutine functions throw from then on so that its
 * thread unwinds. A thread that busy-loops without touching any of them cannot be stopped (a JVM
 * cannot kill a thread); once {@value #MAX_SPINNING_THREADS} such threads spin, further
 * scenarios are not run in this process and end {@link Trace.Ending.NotRun} with that reason — a driver process,
 * which the suite kills and restarts, isolates such an implementation completely.
 */
public final class JvmScenarioRunner implements ScenarioRunner {

    /** Real time allowed for one virtual-time scenario; they normally take well under a millisecond. */
    public static final long TIMEOUT_MILLIS = 5_000;
    /** Real time allowed once a scenario has hung: shrinking a hang must not take minutes. */
    public static final long TIMEOUT_AFTER_HANG_MILLIS = 200;

    private final ConformanceProvider provider;
    private final String name;
    private final IntFunction<ScenarioSockets> sockets;
    /** Whether the sockets are real kernel sockets, on which the provider's socket hooks can run. */
    private final boolean realFds;
    /** Real time an abandoned scenario's thread gets to unwind before it is left running. */
    static final long ABANDON_GRACE_MILLIS = 100;
    /** Abandoned threads still busy-looping past which no more scenarios run in this process. */
    static final int MAX_SPINNING_THREADS = 2;

    private final AbandonedThreads abandoned = new AbandonedThreads();
    /** Where each scenario's virtual clock starts. */
    private final long clockStartNanos;
    private volatile boolean hung;

    /**
     * Runs scenarios with the suite's simulated sockets, given to the implementation as its
     * poller when it declares {@link Capability#FD_WAITS}.
     *
     * @param provider the implementation under test
     */
    public JvmScenarioRunner(ConformanceProvider provider) {
        this(provider, provider.name(), SimulatedNetwork::withHighFds, false);
    }

    /**
     * A runner on simulated (or otherwise not hook-capable) sockets.
     *
     * @param provider the implementation under test
     * @param name the name for reports, e.g. the provider's name and the kind of sockets
     * @param sockets opens the socket pairs of one scenario, given the number of pairs
     */
    public JvmScenarioRunner(ConformanceProvider provider, String name, IntFunction<ScenarioSockets> sockets) {
        this(provider, name, sockets, false);
    }

    /**
     * Creates a runner that runs each scenario in this JVM on a new scheduler from
     * {@code provider}, on the socket pairs {@code sockets} opens for it, with a virtual clock
     * starting at 0.
     *
     * @param provider the implementation under test
     * @param name the name for reports, e.g. the provider's name and the kind of sockets
     * @param sockets opens the socket pairs of one scenario, given the number of pairs
     * @param realFds whether those are real kernel sockets, so the provider's socket hooks can run on them
     */
    public JvmScenarioRunner(ConformanceProvider provider, String name, IntFunction<ScenarioSockets> sockets,
            boolean realFds) {
        this(provider, name, sockets, realFds, 0);
    }

    private JvmScenarioRunner(ConformanceProvider provider, String name, IntFunction<ScenarioSockets> sockets,
            boolean realFds, long clockStartNanos) {
        this.provider = provider;
        this.name = name;
        this.sockets = sockets;
        this.realFds = realFds;
        this.clockStartNanos = clockStartNanos;
    }

    /** @return this runner with each scenario's virtual clock starting at {@code nanos} */
    @Override
    public Optional<ScenarioRunner> withClockStartingAt(long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("a clock start must not be negative: " + nanos);
        }
        return Optional.of(new JvmScenarioRunner(provider, name + " (virtual clock starting at " + nanos + " ns)",
                sockets, realFds, nanos));
    }

    /**
     * {@return a runner whose scenarios use real {@code AF_UNIX} socket pairs ({@link UnixSocketPairs})}
     *
     * @param provider the implementation under test, which must poll real fds with its own poller
     */
    public static JvmScenarioRunner onRealSockets(ConformanceProvider provider) {
        return new JvmScenarioRunner(provider, provider.name() + " on real AF_UNIX socket pairs", UnixSocketPairs::open, true);
    }

    @Override
    public String name() {
        return name;
    }

    /**
     * @return the provider's capabilities and {@link Capability#THREADS} and
     *         {@link Capability#PRIMITIVES}, which this harness implements through the API;
     *         {@link Capability#WRITE_WAITS} with {@link Capability#FD_WAITS}; {@link Capability#SOCKET_HOOKS} exactly when the
     *         provider has hooks and the sockets are real; {@link Capability#NATIVE_CONTEXTS}
     *         exactly when the provider has native contexts
     */
    @Override
    public Set<Capability> capabilities() {
        EnumSet<Capability> caps = EnumSet.of(Capability.THREADS, Capability.PRIMITIVES);
        caps.addAll(provider.capabilities());
        if (caps.contains(Capability.FD_WAITS)) {
            caps.add(Capability.WRITE_WAITS); // the harness's await(fd, WRITE) on its socket pairs
        }
        caps.remove(Capability.SOCKET_HOOKS);
        if (realFds && provider.socketHooks().isPresent()) {
            caps.add(Capability.SOCKET_HOOKS);
        }
        caps.remove(Capability.NATIVE_CONTEXTS);
        if (provider.nativeContexts().isPresent()) {
            caps.add(Capability.NATIVE_CONTEXTS);
        }
        return caps;
    }

    /** @return the provider's native contexts: the probes run in this process */
    @Override
    public Optional<NativeContexts> nativeContexts() {
        return provider.nativeContexts();
    }

    @Override
    public Trace run(Scenario scenario) {
        int spinning = abandoned.spinning();
        if (spinning >= MAX_SPINNING_THREADS) {
            return new Trace(List.of(), List.of(), new Trace.Ending.NotRun(spinning + " threads this"
                    + " implementation left busy-looping in earlier scenarios still take the CPU and would starve"
                    + " this one; verify it through a driver (a separate process the suite can kill) to isolate them"));
        }
        VirtualClock clock = new VirtualClock();
        clock.advanceTo(clockStartNanos);
        ScenarioGuard guard = new ScenarioGuard();
        ScenarioSockets net = sockets.apply(scenario.pairs());
        if (net instanceof SimulatedNetwork sim && !scenario.usesThreads()) {
            sim.failWhenStuck(); // nothing but the scheduler can change the network: a blocking poll with nothing ready is a hang
        }
        Optional<Poller> poller = capabilities().contains(Capability.FD_WAITS)
                ? net.poller().map(guard::poller) : Optional.empty();
        ScenarioExecution exec = new ScenarioExecution(scenario, clock, net,
                realFds ? provider.socketHooks() : java.util.Optional.empty(), guard);
        Thread t = Thread.ofPlatform().name("nty-conformance-scenario").daemon(true).unstarted(() -> {
            try (Scheduler s = provider.newScheduler(new SchedulerOptions(guard.clock(clock), poller, exec::uncaught))) {
                exec.runOn(s);
            }
        });
        Throwable[] failure = new Throwable[1];
        t.setUncaughtExceptionHandler((th, e) -> failure[0] = e);
        t.start();
        long allowed = hung ? TIMEOUT_AFTER_HANG_MILLIS : TIMEOUT_MILLIS;
        join(t, allowed);
        Trace.Ending ending = new Trace.Ending.Completed();
        if (t.isAlive()) {
            hung = true;
            guard.abandon();
            t.interrupt();
            join(t, ABANDON_GRACE_MILLIS);
            String detail = "run() did not return within " + allowed + " ms of real time: hung, or busy-looping in"
                    + " virtual time";
            if (t.isAlive()) {
                abandoned.add(t);
                detail += "; its thread was abandoned and is still running";
            }
            ending = new Trace.Ending.Hung(detail);
        } else if (failure[0] != null && !(failure[0] instanceof ScenarioAbandoned)) {
            ending = new Trace.Ending.Crashed("the scenario's thread ended with " + failure[0]);
        }
        List<Trace.Violation> violations = new ArrayList<>(exec.violations());
        violations.addAll(net.violations());
        if (!t.isAlive()) {
            net.release();
        }
        return new Trace(exec.events(), violations, ending);
    }

    private static void join(Thread t, long millis) {
        try {
            t.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
