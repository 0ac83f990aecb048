package io.nty.api.spi;

/**
 * The IO readiness source a scheduler polls in step (c) of its round (§3.3): NtyCo's epoll
 * calls behind {@code nty_schedule_epoll}.
 *
 * <p>Contract: the scheduler calls {@link #arm} just before a waiter suspends and {@link #disarm}
 * as it resumes (on readiness, timeout or close), so a poller reports an fd only while it is
 * armed (§4.2). {@link #poll} reports each armed fd that is ready — it must not lose readiness
 * that arrived while the fd was armed (§4.3). A poller may implement arm and disarm with any
 * mechanism that keeps this observable behaviour (one-shot re-arming, edge triggering with a
 * ready flag, NtyCo's ADD/DEL). All methods run on the scheduler's thread except
 * {@link #wakeup()}. The scheduler resumes waiters from inside {@link ReadySink#ready}, so
 * {@link #arm} and {@link #disarm} may be called while a {@link #poll} is still on the stack.
 */
public interface Poller extends AutoCloseable {

    /** {@return a short name for diagnostics, e.g. {@code "epoll"}} */
    String name();

    /** {@return whether this poller can wait on fds; if not, {@link #arm} always fails} */
    boolean supportsFds();

    /**
     * Starts reporting readiness of {@code fd} for {@code events}.
     *
     * @param fd a valid, open fd with no armed interest
     * @param events a non-empty subset of {@code IoEvents.INTEREST_MASK}
     * @throws UnsupportedOperationException if {@link #supportsFds()} is false
     * @throws io.nty.api.NtyException (or a subtype) if the fd cannot be watched, naming why
     */
    void arm(int fd, int events);

    /**
     * Stops reporting {@code fd}. Called once per {@link #arm}, after which the poller must not
     * report the fd until armed again.
     *
     * @param fd an fd previously armed
     */
    void disarm(int fd);

    /**
     * Drops whatever the poller remembers about {@code fd}, which is being closed: the scheduler
     * calls this from {@code Scheduler.fdClosed} for every fd closed on its thread, whether or
     * not a coroutine waits on it, after disarming any waiter. A poller that keeps fds registered
     * between waits must forget them here, or a reused fd number would inherit stale state.
     *
     * @param fd the fd about to be closed
     */
    default void forget(int fd) {
    }

    /**
     * Waits for readiness and reports each ready armed fd to {@code sink}, in the order the
     * source returned them.
     *
     * @param timeoutNanos 0 to return at once, a positive bound, or a negative value to wait until
     *        readiness or {@link #wakeup()}
     * @param sink receives each ready fd and its events
     * @return the number of fds reported
     */
    int poll(long timeoutNanos, ReadySink sink);

    /**
     * Makes a blocked or the next {@link #poll} return promptly. Safe from any thread (§1.3).
     */
    void wakeup();

    /** Releases the poller's resources; idempotent. */
    @Override
    void close();

    /** Receives ready fds from {@link #poll}. */
    @FunctionalInterface
    interface ReadySink {

        /**
         * Receives one ready fd.
         *
         * @param fd the ready fd
         * @param events the ready events, {@code IoEvents} bits
         */
        void ready(int fd, int events);
    }
}
