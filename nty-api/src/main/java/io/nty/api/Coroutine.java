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
     * {@return this coroutine's id: 0, 1, 2 … in creation order within its scheduler (§1.1)}
     */
    long id();

    /** {@return the current state (exact on the scheduler's thread, possibly stale elsewhere)} */
    CoroutineState state();

    /** {@return the function this coroutine runs (§2.1)} */
    CoroutineFunction<?> function();

    /** {@return the argument its function is called with; may be {@code null}} */
    Object argument();

    /** {@return the scheduler that owns this coroutine} */
    Scheduler scheduler();
}
