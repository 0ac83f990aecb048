package io.nty.api;

/**
 * A coroutine: NtyCo's {@code nty_coroutine}, seen from outside.
 *
 * <p>A coroutine belongs to one {@link Scheduler} for its whole life and runs only on that
 * scheduler's thread (§5.1). Its identity is its {@link #id()}, unique within the scheduler.
 * {@link #state()} is maintained by the scheduler's thread; read from another thread it may be
 * stale.
 */
public interface Coroutine {

    /**
     * @return this coroutine's id: 0, 1, 2 … in creation order within its scheduler (§1.1)
     */
    long id();

    /** @return the current state (exact on the scheduler's thread, possibly stale elsewhere) */
    CoroutineState state();

    /** @return the function this coroutine runs (§2.1) */
    CoroutineFunction<?> function();

    /** @return the argument its function is called with; may be {@code null} */
    Object argument();

    /** @return the scheduler that owns this coroutine */
    Scheduler scheduler();

    /**
     * Unparks this coroutine (§6.1); see {@link Scheduler#unpark}. Call it on its scheduler's
     * thread; other threads go through {@code scheduler().execute(co::unpark)} (§1.3).
     */
    default void unpark() {
        scheduler().unpark(this);
    }

    /**
     * Cancels this coroutine (§6.3); see {@link Scheduler#cancel}. Call it on its scheduler's
     * thread; other threads go through {@code scheduler().execute(co::cancel)} (§1.3).
     */
    default void cancel() {
        scheduler().cancel(this);
    }

    /**
     * Waits for this coroutine's end (§6.2); see {@link Scheduler#join}.
     *
     * @return its result: {@code null} for a coroutine made by {@link Scheduler#create}
     */
    default Object join() {
        return scheduler().join(this);
    }
}
