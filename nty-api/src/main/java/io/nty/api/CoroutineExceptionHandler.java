package io.nty.api;

/**
 * Receives what a coroutine's function throws (§2.3).
 *
 * <p>Called on the scheduler's thread, outside any coroutine, after the failed coroutine has
 * become {@link CoroutineState#EXITED}, exactly once per failed coroutine. The scheduler keeps
 * running the other coroutines whatever the handler does; if the handler itself throws, that is
 * logged and dropped.
 */
@FunctionalInterface
public interface CoroutineExceptionHandler {

    /**
     * Receives a failure that ended a coroutine (§2.3).
     *
     * @param coroutine the coroutine whose function threw, already EXITED
     * @param failure what it threw
     */
    void uncaught(Coroutine coroutine, Throwable failure);
}
