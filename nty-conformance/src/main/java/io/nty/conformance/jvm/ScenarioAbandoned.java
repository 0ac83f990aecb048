package io.nty.conformance.jvm;

/**
 * Thrown into an abandoned scenario's thread by every harness object the implementation touches
 * (its clock, its poller, the coroutine functions): the scenario ran out of real time, and its
 * thread must unwind instead of busy-looping on, starving the scenarios that follow.
 *
 * <p>An {@link Error}, not an exception, so an implementation that catches {@code RuntimeException}
 * around coroutine code does not swallow it; one that catches {@code Throwable} and loops on is
 * caught by {@link AbandonedThreads} instead.
 */
final class ScenarioAbandoned extends Error {

    private static final long serialVersionUID = 1L;

    ScenarioAbandoned() {
        super("the suite abandoned this scenario: it ran out of real time", null, false, false);
    }
}
