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
 * from poisoning the next run; a run that does not finish within {@link #TIMEOUT_MILLIS} is
 * reported as a §3.5 violation and its thread is abandoned.
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
     * @param provider the implementation under test, which must poll real fds with its own poller
     * @return a runner whose scenarios use real {@code AF_UNIX} socket pairs ({@link UnixSocketPairs})
     */
    public static JvmScenarioRunner onRealSockets(ConformanceProvider provider) {
        return new JvmScenarioRunner(provider, provider.name() + " on real AF_UNIX socket pairs", UnixSocketPairs::open, true);
    }

    @Override
    public String name() {
        return name;
    }

    /**
     * @return the provider's capabilities and {@link Capability#THREADS}, which this harness
     *         implements through the API; {@link Capability#SOCKET_HOOKS} exactly when the
     *         provider has hooks and the sockets are real; {@link Capability#NATIVE_CONTEXTS}
     *         exactly when the provider has native contexts
     */
    @Override
    public Set<Capability> capabilities() {
        EnumSet<Capability> caps = EnumSet.of(Capability.THREADS);
        caps.addAll(provider.capabilities());
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
        VirtualClock clock = new VirtualClock();
        clock.advanceTo(clockStartNanos);
        ScenarioSockets net = sockets.apply(scenario.pairs());
        if (net instanceof SimulatedNetwork sim && !scenario.usesThreads()) {
            sim.failWhenStuck(); // nothing but the scheduler can change the network: a blocking poll with nothing ready is a hang
        }
        Optional<Poller> poller = capabilities().contains(Capability.FD_WAITS) ? net.poller() : Optional.empty();
        ScenarioExecution exec = new ScenarioExecution(scenario, clock, net,
                realFds ? provider.socketHooks() : java.util.Optional.empty());
        Thread t = Thread.ofPlatform().name("nty-conformance-scenario").daemon(true).unstarted(() -> {
            try (Scheduler s = provider.newScheduler(new SchedulerOptions(clock, poller, exec::uncaught))) {
                exec.runOn(s);
            }
        });
        Throwable[] failure = new Throwable[1];
        t.setUncaughtExceptionHandler((th, e) -> failure[0] = e);
        t.start();
        try {
            t.join(hung ? TIMEOUT_AFTER_HANG_MILLIS : TIMEOUT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Trace.Violation> violations = new ArrayList<>(exec.violations());
        if (t.isAlive()) {
            t.interrupt();
            hung = true;
            violations.add(new Trace.Violation(Rule.R3_5, "run() did not return within " + TIMEOUT_MILLIS
                    + " ms of real time (hung, or busy-looping in virtual time)"));
        } else if (failure[0] != null) {
            exec.mainEvent("harness-error " + failure[0]);
        }
        violations.addAll(net.violations());
        if (!t.isAlive()) {
            net.release();
        }
        return new Trace(exec.events(), violations);
    }
}
