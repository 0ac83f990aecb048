package io.nty.api;

/**
 * The body of a coroutine: NtyCo's {@code proc_coroutine}, {@code void (*)(void *arg)}.
 *
 * <p>§2.1: the scheduler calls {@link #run} exactly once, on the coroutine's first resume, with
 * the argument given to {@link Scheduler#create}. §2.2: when it returns, the coroutine is
 * {@link CoroutineState#EXITED}. §2.3: an exception thrown out of it ends that coroutine only
 * and is handed to the scheduler's {@link CoroutineExceptionHandler}.
 *
 * @param <T> the argument type
 */
@FunctionalInterface
public interface CoroutineFunction<T> {

    /**
     * Runs the coroutine's body.
     *
     * @param arg the argument given at creation; may be {@code null}
     * @throws Exception anything; it ends this coroutine and reaches the scheduler's handler (§2.3)
     */
    void run(T arg) throws Exception;
}
