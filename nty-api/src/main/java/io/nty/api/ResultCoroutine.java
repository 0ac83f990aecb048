package io.nty.api;

/**
 * A coroutine made by {@link Scheduler#createWithResult}, whose {@link #join()} returns the
 * value its {@link CoroutineCallable} returned (§6.2).
 *
 * @param <R> the result type
 */
public interface ResultCoroutine<R> extends Coroutine {

    /**
     * Waits for this coroutine's end and returns its result; see {@link Scheduler#join}.
     *
     * @return what its callable returned
     * @throws CoroutineFailedException if it ended by throwing (the cause) or was cancelled
     */
    @Override
    @SuppressWarnings("unchecked") // the scheduler stores exactly what the CoroutineCallable<?, R> returned
    default R join() {
        return (R) scheduler().join(this);
    }
}
