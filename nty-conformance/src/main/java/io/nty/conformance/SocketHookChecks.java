package io.nty.conformance;

import io.nty.conformance.scenario.Scenario;
import io.nty.conformance.scenario.Step;

/**
 * The socket-hook rules (§4.4, §4.5), checked through fixed scenarios with the hook steps
 * {@code hrecv} and {@code hsend} on real socket pairs ({@link Capability#SOCKET_HOOKS}); the
 * whole trace must be the model's.
 */
final class SocketHookChecks {

    private static final int A = Scenario.FIRST_FD;
    private static final int B = Scenario.FIRST_FD + 1;

    private SocketHookChecks() {
    }

    /**
     * §4.4: a hook recv on an empty socket suspends only its coroutine: another coroutine keeps
     * running in the same rounds (it yields twice, then sends), and only its send ends the recv.
     * A hook that blocked the thread would never let the sender run.
     */
    static void neverBlockScheduler(Rule rule, Target target) {
        requireHooks(rule, target);
        Scenario s = Scenario.builder().pairs(1)
                .program(new Step.HookRecv(A, 0))
                .program(new Step.Yield(), new Step.Yield(), new Step.HookSend(B, 5))
                .create(0).create(1).build();
        check(rule, target, s, "a socket hook waiting for data must suspend only its coroutine, never the scheduler thread");
    }

    /**
     * §4.5: send writes everything; recv returns what arrived, then 0 at orderly end of stream
     * after the peer closed; a send to the closed peer fails with the errno name EPIPE.
     */
    static void resultsFollowNtyCo(Rule rule, Target target) {
        requireHooks(rule, target);
        Scenario s = Scenario.builder().pairs(1)
                .program(new Step.HookSend(A, 3), new Step.HookRecv(A, 0), new Step.HookRecv(A, 0), new Step.HookSend(A, 1))
                .program(new Step.Recv(B), new Step.Send(B), new Step.Close(B))
                .create(0).create(1).build();
        check(rule, target, s, "socket hook results must follow NtyCo: send writes all, recv returns 0 at orderly"
                + " end of stream, failures carry the errno name");
    }

    private static void requireHooks(Rule rule, Target target) {
        target.require(rule, Capability.SOCKET_HOOKS);
        target.require(rule, Capability.VIRTUAL_CLOCK);
    }

    private static void check(Rule rule, Target target, Scenario s, String what) {
        try {
            ScenarioProperty.checkOne(rule, target.runner(), TraceChecks::none, ScenarioProperty.Mode.MODEL, s);
        } catch (AssertionError e) {
            throw new RuleViolation(rule, what + "\n" + e.getMessage() + "scenario:\n" + s.toString().indent(4));
        }
    }
}
