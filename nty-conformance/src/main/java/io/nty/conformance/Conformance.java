package io.nty.conformance;

import io.nty.conformance.scenario.Scenario;
import io.nty.conformance.scenario.ScenarioGenerators;
import io.nty.conformance.scenario.Step;
import java.util.ArrayList;
import java.util.List;
import org.quicktheories.core.Gen;

/**
 * The catalogue: for each {@link Rule}, how it is verified. Used by the JUnit base class
 * {@link SchedulerVerification}, by the command-line runner, and by the suite's own tests of
 * broken implementations.
 *
 * <p>Scenario rules (§1.1, §1.2, §2.1–§2.3, §3.1–§3.5, §4.1–§4.3) run generated scenarios through
 * the {@link ScenarioRunner}; the rules that fix the order of events as a whole (§3.2, §3.3,
 * §4.3) require the trace to be one the model allows; the others fail only on their own checks
 * (trace invariants and the harness's observations), so a fault is reported under the rules it
 * breaks rather than under every rule whose scenarios it disturbs; API rules (§1.3, §3.6, §5.1, §5.2) call
 * an in-process scheduler directly ({@link ApiChecks}) and run fixed scenarios with the thread steps
 * ({@link ThreadChecks}, needs {@link Capability#THREADS}), so a driver can be verified on them too;
 * §3.6 also through a fixed scenario; §4.4 and §4.5 run fixed scenarios with the socket-hook steps
 * ({@link SocketHookChecks}, needs {@link Capability#SOCKET_HOOKS}); §2.4 runs the native probes
 * ({@link NativeContextChecks}, needs {@link Capability#NATIVE_CONTEXTS}); the per-direction form
 * of §4.1 runs the writable-wait steps ({@link DuplexWaitChecks}, needs {@link Capability#WRITE_WAITS});
 * §6.1–§6.3 run the §6 steps ({@link ParkJoinCancelChecks}, needs {@link Capability#PRIMITIVES}).
 */
public final class Conformance {

    private Conformance() {
    }

    /**
     * Verifies one rule.
     *
     * @param rule the rule
     * @param target the implementation under test
     * @throws RuleViolation if the implementation breaks the rule
     * @throws NotVerifiedException if the rule cannot be checked on this implementation
     */
    public static void verify(Rule rule, Target target) {
        check(rule).verify(target);
    }

    /** How one rule is verified, given the target. */
    @FunctionalInterface
    private interface RuleCheck {
        void verify(Target target);
    }

    /**
     * The catalogue itself: an exhaustive switch expression over {@link Rule}, so a rule added
     * without its check does not compile.
     */
    private static RuleCheck check(Rule rule) {
        return switch (rule) {
            case R1_1 -> target -> {
                own(rule, target, ScenarioGenerators.creation(), TraceChecks::creation);
                atScale(rule, target, ScenarioGenerators.fanOut(false), TraceChecks::creation, ScenarioProperty.Mode.OWN_CHECKS);
                direct(target, () -> ApiChecks.createdCoroutines(rule, target));
            };
            case R1_2 -> target -> own(rule, target, ScenarioGenerators.creation(), TraceChecks::none);
            case R2_1 -> target -> own(rule, target, exceptionsIfTimed(target), TraceChecks::startsOnceFirst);
            case R2_2 -> target -> own(rule, target, exceptionsIfTimed(target), TraceChecks::nothingAfterExit);
            case R2_3 -> target -> own(rule, target, exceptionsIfTimed(target), TraceChecks::handlerOncePerThrow);
            case R3_1 -> target -> own(rule, target, widest(target), TraceChecks::none);
            case R3_2 -> target -> {
                scenarios(rule, target, ScenarioGenerators.creation(), TraceChecks::none);
                atScale(rule, target, ScenarioGenerators.fanOut(false), TraceChecks::none, ScenarioProperty.Mode.MODEL);
                direct(target, () -> ApiChecks.yieldWhilePinned(rule, target));
            };
            case R3_3 -> target -> {
                timed(rule, target, target.has(Capability.FD_WAITS) ? ScenarioGenerators.orderingWithFds()
                        : ScenarioGenerators.ordering(), TraceChecks::none);
                atScale(rule, target, ScenarioGenerators.timersAtScale(target.has(Capability.FD_WAITS)), TraceChecks::none,
                        ScenarioProperty.Mode.MODEL);
            };
            case R3_4 -> target -> {
                if (target.has(Capability.VIRTUAL_CLOCK)) {
                    own(rule, target, ScenarioGenerators.ordering(), TraceChecks::sleepsAtLeast);
                    atScale(rule, target, ScenarioGenerators.fanOut(true), TraceChecks::sleepsAtLeast,
                            ScenarioProperty.Mode.OWN_CHECKS);
                    farClock(rule, target, ScenarioGenerators.ordering(), TraceChecks::sleepsAtLeast);
                }
                direct(target, () -> ApiChecks.sleepsOnTheSystemClock(rule, target));
                target.require(rule, Capability.VIRTUAL_CLOCK);
            };
            case R3_5 -> target -> {
                own(rule, target, widest(target), TraceChecks::runReturns);
                if (target.has(Capability.FD_WAITS) && target.has(Capability.VIRTUAL_CLOCK)) {
                    own(rule, target, ScenarioGenerators.untimedChains(), TraceChecks::runReturns);
                }
                direct(target, () -> ApiChecks.runAndCloseWhileRunning(rule, target));
            };
            case R4_1 -> target -> {
                fdsRequired(rule, target);
                own(rule, target, ScenarioGenerators.fds(), TraceChecks::busyExactlyWhenAnotherWaits);
                atScale(rule, target, ScenarioGenerators.timersAtScale(true), TraceChecks::busyExactlyWhenAnotherWaits,
                        ScenarioProperty.Mode.OWN_CHECKS);
                direct(target, () -> ApiChecks.badWaitArguments(rule, target));
                DuplexWaitChecks.verify(rule, target);
            };
            case R4_2 -> target -> {
                fdsRequired(rule, target);
                own(rule, target, ScenarioGenerators.fds(), TraceChecks::noWakeWithoutWaiter);
            };
            case R4_3 -> target -> {
                fdsRequired(rule, target);
                timed(rule, target, ScenarioGenerators.fds(), TraceChecks::timeoutsNotEarly);
                atScale(rule, target, ScenarioGenerators.timersAtScale(true), TraceChecks::timeoutsNotEarly,
                        ScenarioProperty.Mode.MODEL);
                DuplexWaitChecks.writersToo(rule, target);
            };
            case R1_3 -> target -> threads(rule, target, ApiChecks::executeFromOtherThreads, ThreadChecks::submitWakesBlockedPoll);
            case R3_6 -> target -> suspendingOutside(rule, target);
            case R5_1 -> target -> threads(rule, target, ApiChecks::oneSchedulerPerThread, ThreadChecks::ownerThreadOnly);
            case R5_2 -> target -> threads(rule, target, ApiChecks::schedulerIsExecutor, ThreadChecks::rejectsAfterClose);
            case R2_4 -> target -> NativeContextChecks.verify(rule, target);
            case R4_4 -> target -> SocketHookChecks.neverBlockScheduler(rule, target);
            case R4_5 -> target -> SocketHookChecks.resultsFollowNtyCo(rule, target);
            case R6_1 -> target -> ParkJoinCancelChecks.parkUnpark(rule, target);
            case R6_2 -> target -> ParkJoinCancelChecks.join(rule, target);
            case R6_3 -> target -> ParkJoinCancelChecks.cancellation(rule, target);
        };
    }

    /**
     * Verifies every rule, recording each outcome instead of stopping at the first failure.
     *
     * @param target the implementation under test
     * @return one result per rule, in rule order
     */
    public static List<RuleResult> verifyAll(Target target) {
        List<RuleResult> results = new ArrayList<>();
        for (Rule r : Rule.values()) {
            results.add(RuleResult.of(r, () -> verify(r, target)));
        }
        return results;
    }

    /** A check of one rule, which may throw {@link RuleViolation} or {@link NotVerifiedException}. */
    @FunctionalInterface
    private interface Check {
        void verify(Rule rule, Target target);
    }

    /**
     * A thread rule: the direct calls if the implementation is in process, the thread-step
     * scenarios if its runner has {@link Capability#THREADS}; not verified if neither is possible.
     */
    private static void threads(Rule rule, Target target, Check direct, Check scenarios) {
        if (!target.has(Capability.IN_PROCESS_API) && !target.has(Capability.THREADS)) {
            throw new NotVerifiedException(rule, "neither IN_PROCESS_API (" + Capability.IN_PROCESS_API.description()
                    + ") nor THREADS (" + Capability.THREADS.description() + "): nothing can call the scheduler"
                    + " from another thread");
        }
        if (target.has(Capability.IN_PROCESS_API)) {
            direct.verify(rule, target);
        }
        if (target.has(Capability.THREADS)) {
            scenarios.verify(rule, target);
        }
    }

    private static void scenarios(Rule rule, Target target, Gen<Scenario> gen, ScenarioProperty.TraceCheck check) {
        ScenarioProperty.verify(rule, target.runner(), gen, check, target.settings());
    }

    /** A rule not about order: fails only on its own checks, never on a model difference. */
    private static void own(Rule rule, Target target, Gen<Scenario> gen, ScenarioProperty.TraceCheck check) {
        ScenarioProperty.verify(rule, target.runner(), gen, check, ScenarioProperty.Mode.OWN_CHECKS, target.settings());
    }

    /** Throws among sleeps with the virtual clock, and after IO waits too with fd waits. */
    private static Gen<Scenario> exceptionsIfTimed(Target target) {
        if (!target.has(Capability.VIRTUAL_CLOCK)) {
            return ScenarioGenerators.creation();
        }
        return target.has(Capability.FD_WAITS) ? ScenarioGenerators.exceptionsWithFds() : ScenarioGenerators.exceptions();
    }

    /** Where {@link #farClock} starts virtual clocks: far from 0, where deadlines computed as if the clock began at 0 go wrong. */
    static final long FAR_CLOCK_START_NANOS = 1L << 62;

    /** A direct check of a JVM implementation, run only when it is in process (a driver cannot be called directly). */
    private static void direct(Target target, Runnable check) {
        if (target.has(Capability.IN_PROCESS_API)) {
            check.run();
        }
    }

    /**
     * Large generated scenarios (thousands of coroutines, dozens of timers): a few per run, enough
     * to reach the sizes where queues grow and heaps lose entries from their middle.
     */
    private static void atScale(Rule rule, Target target, Gen<Scenario> gen, ScenarioProperty.TraceCheck check,
            ScenarioProperty.Mode mode) {
        Settings s = target.settings();
        ScenarioProperty.verify(rule, target.runner(), gen, check, mode, new Settings(s.seed(), Math.max(2, s.examples() / 75)));
    }

    /** The rule's scenarios again, fewer, on a virtual clock starting far from 0, where the runner can do that. */
    private static void farClock(Rule rule, Target target, Gen<Scenario> gen, ScenarioProperty.TraceCheck check) {
        Settings s = target.settings();
        target.runner().withClockStartingAt(FAR_CLOCK_START_NANOS).ifPresent(r -> ScenarioProperty.verify(rule, r, gen, check,
                ScenarioProperty.Mode.OWN_CHECKS, new Settings(s.seed(), Math.max(10, s.examples() / 4))));
    }

    private static void timed(Rule rule, Target target, Gen<Scenario> gen, ScenarioProperty.TraceCheck check) {
        target.require(rule, Capability.VIRTUAL_CLOCK);
        scenarios(rule, target, gen, check);
    }

    private static void fdsRequired(Rule rule, Target target) {
        target.require(rule, Capability.FD_WAITS);
        target.require(rule, Capability.VIRTUAL_CLOCK);
    }

    /** Every step kind the implementation can run: sleeps and ticks need the virtual clock, fd steps fd waits. */
    private static Gen<Scenario> widest(Target target) {
        if (!target.has(Capability.VIRTUAL_CLOCK)) {
            return ScenarioGenerators.creation();
        }
        return target.has(Capability.FD_WAITS) ? ScenarioGenerators.all() : ScenarioGenerators.ordering();
    }

    /**
     * §3.6 in process calls the scheduler directly ({@link ApiChecks}); through a driver, a
     * scenario whose main thread tries to yield, sleep and wait outside any coroutine.
     */
    private static void suspendingOutside(Rule rule, Target target) {
        if (target.has(Capability.IN_PROCESS_API)) {
            ApiChecks.suspendingOutsideCoroutineFails(rule, target);
        }
        Scenario.Builder b = Scenario.builder().program(new Step.Yield()).create(0)
                .outside(new Step.Yield()).outside(new Step.Sleep(5));
        if (target.has(Capability.FD_WAITS)) {
            b.pairs(1).outside(new Step.WaitRead(Scenario.FIRST_FD, 10));
        }
        Scenario s = b.build();
        try {
            ScenarioProperty.checkOne(rule, target.runner(), TraceChecks::outsideRefused, ScenarioProperty.Mode.OWN_CHECKS, s);
        } catch (AssertionError e) {
            throw new RuleViolation(rule, "suspending calls outside a coroutine must be refused\n" + e.getMessage()
                    + "scenario:\n" + s.toString().indent(4));
        }
    }
}
