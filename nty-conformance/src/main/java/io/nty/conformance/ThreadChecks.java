package io.nty.conformance;

import io.nty.conformance.scenario.Event;
import io.nty.conformance.scenario.Model;
import io.nty.conformance.scenario.Scenario;
import io.nty.conformance.scenario.ScenarioGenerators;
import io.nty.conformance.scenario.Step;
import io.nty.conformance.scenario.Trace;
import io.nty.conformance.scenario.TraceEvent;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The thread rules (§1.3, §5.1, §5.2) checked through scenarios with the thread steps
 * ({@link Capability#THREADS}), so an implementation behind a driver can be verified on them:
 * a task submitted from another thread while the scheduler blocks in its poll, tasks given to
 * execute by coroutines and other threads while others run, where coroutines run, a foreign
 * thread's refused create, and execute after close.
 */
final class ThreadChecks {

    /** Events of the thread steps: compared with the model's exactly, whatever else differs. */
    private static final Set<Event> THREAD_EVENTS = EnumSet.of(Event.THREAD, Event.FOREIGN, Event.EXECUTE_AFTER_CLOSE);

    private ThreadChecks() {
    }

    /**
     * §1.3: a task submitted by another thread while the only coroutine waits without a timeout
     * (the poll blocks) runs at once, as the next coroutine, on the scheduler's thread; the whole
     * trace must be the model's.
     */
    static void submitWakesBlockedPoll(Rule rule, Target target) {
        target.require(rule, Capability.THREADS);
        target.require(rule, Capability.FD_WAITS);
        target.require(rule, Capability.VIRTUAL_CLOCK);
        Scenario s = Scenario.builder().pairs(1)
                .program(new Step.Submit(1), new Step.WaitRead(Scenario.FIRST_FD, 0), new Step.Recv(Scenario.FIRST_FD))
                .program(new Step.WhichThread(), new Step.Send(Scenario.FIRST_FD + 1))
                .create(0).build();
        check(rule, target, s, ScenarioProperty.Mode.MODEL, "a task submitted with execute() from another thread"
                + " while the scheduler blocked in its poll must wake the poll and run next, on the scheduler's thread");
        executeWhileOthersRun(rule, target);
    }

    /**
     * §1.3 over generated scenarios: coroutines call {@code execute} ({@code execute P}) and have
     * other threads call it ({@code post P}), several tasks each, while others yield, sleep and
     * spawn; each task must become a coroutine at the start of the next round, in submission
     * order — the whole trace must be the model's.
     */
    static void executeWhileOthersRun(Rule rule, Target target) {
        target.require(rule, Capability.VIRTUAL_CLOCK);
        ScenarioProperty.verify(rule, target.runner(), ScenarioGenerators.executes(), TraceChecks::none,
                ScenarioProperty.Mode.MODEL, new Settings(target.settings().seed(), Math.max(10, target.settings().examples() / 3)));
    }

    /**
     * §5.1 through scenarios: coroutines run on the thread that called {@code run()}, and a
     * foreign thread's {@code create} is refused; then generated scenarios, in which the
     * harness watches the thread of every resume.
     */
    static void ownerThreadOnly(Rule rule, Target target) {
        target.require(rule, Capability.THREADS);
        Scenario s = Scenario.builder()
                .program(new Step.WhichThread(), new Step.Foreign(1), new Step.Yield(), new Step.WhichThread())
                .program(new Step.WhichThread())
                .create(0).build();
        check(rule, target, s, ScenarioProperty.Mode.OWN_CHECKS,
                "coroutines must run on their scheduler's thread, and other threads' create() must be refused");
        if (target.has(Capability.VIRTUAL_CLOCK)) {
            ScenarioProperty.verify(rule, target.runner(), ScenarioGenerators.ordering(), TraceChecks::none,
                    ScenarioProperty.Mode.OWN_CHECKS,
                    target.settings().withExamples(Math.max(1, target.settings().examples() / 4)));
        }
    }

    /** §5.2 through scenarios: execute after close is rejected (execute itself is §1.3's scenario). */
    static void rejectsAfterClose(Rule rule, Target target) {
        target.require(rule, Capability.THREADS);
        Scenario s = Scenario.builder().program(new Step.Yield()).program(new Step.WhichThread())
                .create(0).executeAfterClose(1).build();
        check(rule, target, s, ScenarioProperty.Mode.OWN_CHECKS,
                "a scheduler is an Executor: after close it must refuse new tasks (the trace shows"
                        + " `execute-after-close P rejected`; in Java, execute throws RejectedExecutionException)");
    }

    private static void check(Rule rule, Target target, Scenario s, ScenarioProperty.Mode mode, String what) {
        try {
            ScenarioProperty.checkOne(rule, target.runner(), ThreadChecks::threadEventsAsModelled, mode, s);
        } catch (AssertionError e) {
            throw new RuleViolation(rule, what + "\n" + e.getMessage() + "scenario:\n" + s.toString().indent(4));
        }
    }

    /**
     * @return a problem unless the trace's thread-step events ({@code thread}, {@code foreign},
     *         {@code execute-after-close}) are exactly the model's, in order, times and ids aside
     */
    static List<String> threadEventsAsModelled(Scenario s, Trace t) {
        List<String> expected = threadEvents(Model.allowed(s).get(0));
        List<String> observed = threadEvents(t);
        List<String> problems = new ArrayList<>();
        if (!observed.equals(expected)) {
            problems.add("thread-step events: expected " + expected + " but were " + observed);
        }
        return problems;
    }

    private static List<String> threadEvents(Trace t) {
        List<String> out = new ArrayList<>();
        for (String line : t.ordered()) {
            TraceEvent e = TraceEvent.parse(line);
            if (THREAD_EVENTS.contains(e.event())) {
                out.add(e.what());
            }
        }
        return out;
    }
}
