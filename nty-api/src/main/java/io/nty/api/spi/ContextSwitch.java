package io.nty.api.spi;

/**
 * Switches between the scheduler and coroutine contexts: the role of NtyCo's {@code _switch}.
 *
 * <p>A context is created suspended at its entry (the Java form of NtyCo's {@code _exec}
 * trampoline). {@link Context#resume()} switches into it from the scheduler and returns when the
 * context calls {@link #suspend()} or its entry returns. Exactly one context runs at a time per
 * scheduler thread; resume and suspend strictly alternate.
 */
public interface ContextSwitch {

    /** {@return a short name for diagnostics, e.g. {@code "continuation"}} */
    String name();

    /**
     * Creates a suspended context that runs {@code entry} on its first resume.
     *
     * @param entry the trampoline; it must not let exceptions escape
     * @return the new context
     */
    Context newContext(Runnable entry);

    /**
     * Suspends the running context and returns to the caller of its {@link Context#resume()}.
     * Returns when the context is resumed again.
     *
     * @throws io.nty.api.CoroutinePinnedException if the context cannot be suspended here; it
     *         keeps running
     */
    void suspend();

    /** A context created by {@link #newContext}. */
    interface Context {

        /**
         * Runs the context until it suspends or its entry returns.
         *
         * @return {@code true} if the entry has returned: the context is finished and must not be
         *         resumed again
         * @throws IllegalStateException if the context is already finished
         */
        boolean resume();
    }
}
