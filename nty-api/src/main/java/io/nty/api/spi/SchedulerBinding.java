package io.nty.api.spi;

import io.nty.api.Scheduler;

/**
 * Binds a scheduler to its thread (§5.1): the JVM form of NtyCo's per-thread
 * {@code pthread_key} that holds the current {@code nty_schedule}.
 *
 * <p>For implementations: a scheduler binds itself when it is created and unbinds when it is
 * closed. {@link Scheduler#ofCurrentThread()} and {@link io.nty.api.Coroutines} read the binding.
 * The state is one thread-local slot per thread; nothing is shared between threads.
 */
public final class SchedulerBinding {

    private static final ThreadLocal<Scheduler> CURRENT = new ThreadLocal<>();

    private SchedulerBinding() {
    }

    /** {@return the scheduler bound to the calling thread, or {@code null}} */
    public static Scheduler current() {
        return CURRENT.get();
    }

    /**
     * Binds {@code scheduler} to the calling thread.
     *
     * @param scheduler the scheduler being created on this thread
     * @throws IllegalStateException if another scheduler is bound to this thread (§5.1)
     */
    public static void bind(Scheduler scheduler) {
        Scheduler existing = CURRENT.get();
        if (existing != null && existing != scheduler) {
            throw new IllegalStateException("thread '" + Thread.currentThread().getName()
                    + "' already has an open scheduler (" + existing
                    + "); one scheduler per thread (§5.1): close it first");
        }
        CURRENT.set(scheduler);
    }

    /**
     * Removes {@code scheduler}'s binding from the calling thread, if it is the bound one.
     *
     * @param scheduler the scheduler being closed
     */
    public static void unbind(Scheduler scheduler) {
        if (CURRENT.get() == scheduler) {
            CURRENT.remove();
        }
    }
}
