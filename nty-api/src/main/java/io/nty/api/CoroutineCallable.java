package io.nty.api;

/**
 * The body of a coroutine that returns a result: the value-returning sibling of
 * {@link CoroutineFunction}, for {@link Scheduler#createWithResult}.
 *
 * <p>Called exactly once on the coroutine's first resume (§2.1). What it returns is the
 * coroutine's result, handed to every {@link Scheduler#join} of it (§6.2); what it throws ends
 * the coroutine (§2.3) and reaches joiners as the cause of a {@link CoroutineFailedException}.
 *
 * @param <T> the argument type
 * @param <R> the result type
 */
@FunctionalInterface
public interface CoroutineCallable<T, R> {

    /**
     * Runs the coroutine's body.
     *
     * @param arg the argument given at creation; may be {@code null}
     * @return the coroutine's result; may be {@code null}
     * @throws Exception anything; it ends this coroutine (§2.3)
     */
    R call(T arg) throws Exception;
}
