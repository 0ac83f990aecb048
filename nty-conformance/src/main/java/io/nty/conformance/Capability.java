package io.nty.conformance;

/**
 * What an implementation under test can do; rules that need a missing capability are reported
 * as <em>not verified</em>, with the capability named as the reason, never as passed.
 */
public enum Capability {
    /** Reads time through the injected {@link io.nty.api.spi.MonotonicClock}: the suite runs in virtual time. */
    VIRTUAL_CLOCK("uses the injected MonotonicClock (virtual time)"),
    /** Drives the injected {@link io.nty.api.spi.Poller}: fd waits run on the suite's simulated sockets. */
    FD_WAITS("waits on fds through an injected Poller (Scheduler.await / fdClosed)"),
    /** Offers socket hooks over real fds (nty-socket or equivalent). */
    SOCKET_HOOKS("socket hooks over real fds"),
    /** Runs native x86_64 contexts (nty-switch-x86_64 or equivalent). */
    NATIVE_CONTEXTS("native x86_64 coroutine contexts"),
    /**
     * Runs the thread steps ({@code thread}, {@code foreign P}, {@code submit P},
     * {@code execute-after-close P}): calls on the scheduler from other threads and after close.
     */
    THREADS("runs the thread steps: thread, foreign, submit, execute-after-close"),
    /**
     * Runs the writable-wait steps ({@code wwait FD T}, {@code fill FD}, {@code drain FD}) on its
     * socket pairs: the new form of §4.1 (a reader and a writer on one fd at once) needs them.
     */
    WRITE_WAITS("runs the writable-wait steps: wwait, fill, drain"),
    /** Runs the §6 steps ({@code park}, {@code unpark K}, {@code join K}, {@code cancel K}, {@code spawnr P}). */
    PRIMITIVES("runs the coroutine-primitive steps of §6: park, unpark, join, cancel, spawnr"),
    /** Is a JVM object the suite can call directly, from several threads. */
    IN_PROCESS_API("an in-process io.nty.api.Scheduler the suite can call directly");

    private final String description;

    Capability(String description) {
        this.description = description;
    }

    /** {@return what the capability means, for reports} */
    public String description() {
        return description;
    }
}
