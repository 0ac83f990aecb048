package io.nty.examples.server;

import io.nty.api.Scheduler;

/**
 * What a {@link ServerThread} runs on its scheduler: coroutines started by {@link #start} that end
 * once {@link #stop} has been called, so that the scheduler's {@code run()} returns.
 */
public interface Service {

    /**
     * Creates the service's coroutines on {@code scheduler}; they run when it runs.
     *
     * @param scheduler the scheduler of the calling thread
     */
    void start(Scheduler scheduler);

    /**
     * Closes the service's fds, which ends its coroutines. Idempotent. Called on the scheduler's
     * thread; before {@link #start} (or after a failed start) any thread may call it.
     */
    void stop();

    /** @return connections accepted so far */
    long accepted();
}
