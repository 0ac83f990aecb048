package io.nty.conformance;

import io.nty.conformance.scenario.PrimitiveScenarioGenerators;
import io.nty.conformance.scenario.Scenario;
import io.nty.conformance.scenario.Step;
import io.nty.conformance.scenario.Trace;
import java.util.ArrayList;
import java.util.List;

/**
 * The §6 rules — park/unpark (§6.1), join (§6.2), cancellation (§6.3) — checked through the §6
 * scenario steps ({@link Capability#PRIMITIVES}), so an implementation behind a driver is checked
 * on them like one in process.
 *
 * <p>These rules fix the order of events (an unpark queues at the ready tail, joiners resume in
 * join order, a cancelled coroutine resumes where it was suspended), so every scenario's trace
 * must be one the model allows: first fixed scenarios that show each clause on its own, with a
 * message saying which, then generated ones ({@link PrimitiveScenarioGenerators}). Fixed scenarios
 * in which a broken implementation could leave a coroutine parked or joining forever carry a
 * safety net of their own (a last root that sleeps long, then cancels or unparks it), so a fault
 * costs a wrong trace, not a hung run. For §6.3 the
 * harness's observations of the poller count too: a cancelled waiter whose interest stayed armed
 * (§4.2) or was armed again over it breaks §6.3 as much as §4.2.
 */
final class ParkJoinCancelChecks {

    private static final int A = Scenario.FIRST_FD;
    private static final int B = Scenario.FIRST_FD + 1;

    private ParkJoinCancelChecks() {
    }

    /** §6.1. */
    static void parkUnpark(Rule rule, Target target) {
        require(rule, target);
        fixed(rule, target, "an unpark that comes before the park is not lost: the park returns at once", Scenario.builder()
                .program(new Step.Yield(), new Step.Park())
                .program(new Step.Unpark(0), new Step.Sleep(100), new Step.Cancel(0))
                .create(0).create(1).build());
        fixed(rule, target, "a parked coroutine runs again only after an unpark, which appends it to the ready tail",
                Scenario.builder()
                        .program(new Step.Park())
                        .program(new Step.Yield(), new Step.Yield(), new Step.Unpark(0), new Step.Yield())
                        .program(new Step.Yield(), new Step.Yield(), new Step.Yield(), new Step.Yield())
                        .program(net(0))
                        .create(0).create(1).create(2).create(3).build());
        fixed(rule, target, "unparking a coroutine that is not parked changes nothing else: one permit, not a count,"
                + " and the coroutine keeps its place", Scenario.builder()
                .program(new Step.Yield(), new Step.Park(), new Step.Park())
                .program(new Step.Unpark(0), new Step.Unpark(0), new Step.Sleep(50), new Step.Unpark(0))
                .program(new Step.Yield(), new Step.Yield())
                .program(net(0))
                .create(0).create(1).create(2).create(3).build());
        fixed(rule, target, "unparking an EXITED coroutine does nothing", Scenario.builder()
                .program(new Step.Exit())
                .program(new Step.Yield(), new Step.Unpark(0), new Step.Park())
                .program(new Step.Yield(), new Step.Yield(), new Step.Unpark(1))
                .program(net(1))
                .create(0).create(1).create(2).create(3).build());
        generated(rule, target, PrimitiveScenarioGenerators.parking(), (s, t) -> List.of());
    }

    /** §6.2. */
    static void join(Rule rule, Target target) {
        require(rule, target);
        fixed(rule, target, "a join waits for the coroutine's end and gets its result, or its failure; joining an"
                + " EXITED coroutine returns at once", Scenario.builder()
                .program(new Step.SpawnResult(1), new Step.SpawnResult(2), new Step.Join(2), new Step.Join(3), new Step.Join(2))
                .program(new Step.Yield(), new Step.Exit())
                .program(new Step.Throw())
                .program(net(0))
                .create(0).create(3).build());
        fixed(rule, target, "a suspended join of a coroutine that fails gets the failure", Scenario.builder()
                .program(new Step.SpawnResult(1), new Step.Join(2))
                .program(new Step.Yield(), new Step.Sleep(10), new Step.Throw())
                .program(net(0))
                .create(0).create(2).build());
        fixed(rule, target, "joining itself, or a coroutine that joins it, fails at once and the caller keeps running",
                Scenario.builder()
                        .program(new Step.Join(0), new Step.Spawn(1), new Step.Join(2))
                        .program(new Step.Join(0), new Step.Yield())
                        .program(net(0))
                        .create(0).create(2).build());
        fixed(rule, target, "the joiners of one coroutine join the ready tail in the order they joined, when it ends",
                Scenario.builder()
                        .program(new Step.Yield(), new Step.Sleep(10))
                        .program(new Step.Join(0), new Step.Yield())
                        .program(net(1, 2, 3))
                        .create(0).create(1).create(1).create(1).create(2).build());
        generated(rule, target, PrimitiveScenarioGenerators.joining(), (s, t) -> List.of());
    }

    /** §6.3. */
    static void cancellation(Rule rule, Target target) {
        require(rule, target);
        fixed(rule, target, "a cancelled waiter resumes at its wait with the cancellation, its fd interest disarmed:"
                + " readiness that comes later wakes nobody, and the fd can be waited on again", Scenario.builder().pairs(1)
                .program(new Step.WaitRead(A, 1000))
                .program(new Step.Yield(), new Step.Cancel(0), new Step.Send(B), new Step.Sleep(10), new Step.Spawn(2))
                .program(new Step.WaitRead(A, 1000), new Step.Drain(A))
                .create(0).create(1).build());
        fixed(rule, target, "a cancelled writer's interest is disarmed; a reader of the same fd is not disturbed",
                Scenario.builder().pairs(1)
                        .program(new Step.Fill(A), new Step.WaitWrite(A, 1000))
                        .program(new Step.WaitRead(A, 1000))
                        .program(new Step.Yield(), new Step.Cancel(0), new Step.Drain(B), new Step.Sleep(10), new Step.Send(B))
                        .create(0).create(1).create(2).build());
        fixed(rule, target, "a NEW coroutine that is cancelled never runs and is EXITED; its joiners get the cancellation;"
                + " cancelling twice or after exit is harmless", Scenario.builder()
                .program(new Step.Spawn(1), new Step.Cancel(1), new Step.Cancel(1), new Step.Join(1), new Step.Spawn(2),
                        new Step.Yield(), new Step.Cancel(2), new Step.Join(2))
                .program(new Step.Yield())
                .program(new Step.Exit())
                .create(0).build());
        fixed(rule, target, "sleeping, parked and joining coroutines resume at their suspension point with the"
                + " cancellation; the joiners of a cancelled coroutine get it as its failure", Scenario.builder()
                .program(new Step.Sleep(100))
                .program(new Step.Park())
                .program(new Step.Join(0))
                .program(new Step.Join(0), new Step.Yield())
                .program(new Step.Yield(), new Step.Cancel(0), new Step.Cancel(1), new Step.Cancel(3), new Step.Yield(),
                        new Step.Cancel(2))
                .program(new Step.Sleep(PrimitiveScenarioGenerators.NET_SLEEP), new Step.Unpark(1))
                .create(0).create(1).create(2).create(3).create(4).create(5).build());
        fixed(rule, target, "a coroutine that cancels itself gets the cancellation from its next suspending call, at once",
                Scenario.builder()
                        .program(new Step.Cancel(0), new Step.Tick(5), new Step.Yield(), new Step.Yield())
                        .program(new Step.Yield(), new Step.Yield())
                        .create(0).create(1).build());
        generated(rule, target, PrimitiveScenarioGenerators.cancelling(), ParkJoinCancelChecks::interestGone);
    }

    /**
     * Only the generated scenarios of a §6 rule, without the fixed ones: for the suite's own
     * teeth, which show that generated scenarios catch a fault too.
     *
     * @param rule {@link Rule#R6_1}, {@link Rule#R6_2} or {@link Rule#R6_3}
     * @param target the implementation under test
     */
    static void generatedOnly(Rule rule, Target target) {
        require(rule, target);
        switch (rule) {
            case R6_1 -> generated(rule, target, PrimitiveScenarioGenerators.parking(), (s, t) -> List.of());
            case R6_2 -> generated(rule, target, PrimitiveScenarioGenerators.joining(), (s, t) -> List.of());
            case R6_3 -> generated(rule, target, PrimitiveScenarioGenerators.cancelling(), ParkJoinCancelChecks::interestGone);
            default -> throw new IllegalArgumentException(rule.cite() + " is not a §6 rule");
        }
    }

    /**
     * @param targets the coroutines a broken implementation could leave parked or joining forever
     * @return the steps of a safety net for a fixed scenario: sleep long, then cancel them (on a
     *         conforming implementation they have ended by then, and the cancels are harmless)
     */
    private static Step[] net(int... targets) {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step.Sleep(PrimitiveScenarioGenerators.NET_SLEEP));
        for (int t : targets) {
            steps.add(new Step.Cancel(t));
        }
        return steps.toArray(Step[]::new);
    }

    /**
     * @return the poller-contract violations the harness saw in a scenario with cancellations:
     *         §6.3 says a cancelled waiter's interest is disarmed (§4.2)
     */
    static List<String> interestGone(Scenario s, Trace t) {
        List<String> problems = new ArrayList<>();
        for (Trace.Violation v : t.violations()) {
            if (v.rule() == Rule.R4_2 || v.rule() == Rule.R4_1) {
                problems.add("in a scenario with cancellations, " + v + " (§6.3: a cancelled waiter's fd interest is disarmed)");
            }
        }
        return problems;
    }

    private static void require(Rule rule, Target target) {
        target.require(rule, Capability.PRIMITIVES);
        target.require(rule, Capability.VIRTUAL_CLOCK);
    }

    private static void generated(Rule rule, Target target, org.quicktheories.core.Gen<Scenario> gen,
            ScenarioProperty.TraceCheck check) {
        if (needsFds(rule)) {
            target.require(rule, Capability.FD_WAITS);
            target.require(rule, Capability.WRITE_WAITS);
        }
        ScenarioProperty.verify(rule, target.runner(), gen, check, ScenarioProperty.Mode.MODEL, target.settings());
    }

    private static boolean needsFds(Rule rule) {
        return rule == Rule.R6_3;
    }

    private static void fixed(Rule rule, Target target, String what, Scenario s) {
        if ((s.pairs() > 0 && !target.has(Capability.FD_WAITS)) || (s.usesWriteWaits() && !target.has(Capability.WRITE_WAITS))) {
            throw new NotVerifiedException(rule, "no " + (target.has(Capability.FD_WAITS) ? Capability.WRITE_WAITS
                    : Capability.FD_WAITS) + " capability: " + rule.cite() + " includes cancelling fd waiters");
        }
        try {
            ScenarioProperty.checkOne(rule, target.runner(), ParkJoinCancelChecks::interestGone, ScenarioProperty.Mode.MODEL, s);
        } catch (AssertionError e) {
            throw new RuleViolation(rule, what + "\n" + e.getMessage() + "scenario:\n" + s.toString().indent(4));
        }
    }
}
