package io.nty.api.spi;

/**
 * The IO readiness source a scheduler polls in step (c) of its round (§3.3): NtyCo's epoll
 * calls behind {@code nty_schedule_epoll}.
 *
 * <p>Contract: interest is per fd and per {@linkplain io.nty.api.IoDirection direction}. The
 * scheduler calls {@link #arm} just before a waiter suspends and {@link #disarm} with the same
 * events as it resumes (on readiness, timeout, close or cancellation). Because a reader and a
 * writer may wait on one fd at once (§4.1), an fd can be armed for {@code READ} by one waiter and
 * for {@code WRITE} by another; the poller holds the union and reports the fd while any direction
 * is armed (§4.2). {@link #poll} reports each armed fd that is ready, with its ready events; it
 * does not disarm — the scheduler disarms each direction whose waiter it resumes. A poller must
 * not lose readiness that arrived while a direction was armed (§4.3), and must not report an
 * fd for a direction nobody is armed for, except {@code ERROR}/{@code HANGUP}, which belong to
 * every armed direction. A poller may implement arm and disarm with any mechanism that keeps this
 * observable behaviour (one registration carrying both interests, one-shot re-arming, NtyCo's
 * ADD/DEL). All methods run on the scheduler's thread except {@link #wakeup()}. The scheduler
 * resumes waiters from inside {@link ReadySink#ready}, so {@link #arm} and {@link #disarm} may be
 * called while a {@link #poll} is still on the stack.
 */
public interface Poller extends AutoCloseable {

    /** @return a short name for diagnostics, e.g. {@code "epoll"} */
    String name();

    /** @return whether this poller can wait on fds; if not, {@link #arm} always fails */
    boolean supportsFds();

    /**
     * Starts reporting readiness of {@code fd} for {@code events}, in addition to any direction
     * already armed on it.
     *
     * @param fd a valid, open fd
     * @param events a non-empty subset of {@code IoEvents.INTEREST_MASK} with no direction that
     *        is armed on {@code fd} already (the scheduler refuses a second reader or writer
     *        before arming, §4.1)
     * @throws UnsupportedOperationException if {@link #supportsFds()} is false
     * @throws IllegalStateException if a direction in {@code events} is armed on {@code fd}
     *         already
     * @throws io.nty.api.NtyException (or a subtype) if the fd cannot be watched, naming why
     */
    void arm(int fd, int events);

    /**
     * Stops reporting {@code fd} for {@code events}; other armed directions stay armed. Called
     * once per {@link #arm}, with the same events, after which the poller must not report the fd
     * for them until armed again. Disarming a direction that is not armed (for instance after
     * {@link #forget} or a close on another thread) does nothing.
     *
     * @param fd an fd previously armed
     * @param events the events it was armed for
     */
    void disarm(int fd, int events);

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
     * Reports through {@link ReadySink#closed} each armed fd this poller learned was closed by
     * another thread (§4.3), without polling readiness. {@link #poll} reports them too, first;
     * the scheduler calls this before refusing a second waiter (§4.1), since a close on another
     * thread may have ended the first wait already. A poller that cannot learn of such closes
     * reports nothing.
     *
     * @param sink receives each closed fd
     * @return the number of fds reported
     */
    default int drainClosed(ReadySink sink) {
        return 0;
    }

    /**
     * Waits for readiness and reports each ready armed fd to {@code sink}, in the order the
     * source returned them, after any fd closed on another thread ({@link #drainClosed}).
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
         * @param fd the ready fd
         * @param events the ready events, {@code IoEvents} bits: those of the armed directions,
         *        plus {@code ERROR}/{@code HANGUP}
         */
        void ready(int fd, int events);

        /**
         * {@code fd} was closed by another thread while {@code events} were armed on it: the
         * scheduler ends those waits as closed (§4.3). The poller has forgotten the fd already.
         * The default ignores it, for schedulers whose pollers never report such closes.
         *
         * @param fd the closed fd
         * @param events the directions that were armed, {@code IoEvents} bits
         */
        default void closed(int fd, int events) {
        }
    }
}
