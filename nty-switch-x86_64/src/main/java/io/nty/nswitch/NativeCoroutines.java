package io.nty.nswitch;

import io.nty.api.Coroutine;
import io.nty.api.Scheduler;
import java.util.Objects;

/**
 * Runs native coroutines under any {@link Scheduler}.
 *
 * <p>A native coroutine becomes an ordinary coroutine of the scheduler: it gets the next id
 * and the ready tail at creation (§1.1), nothing runs until the scheduler resumes it (§1.2),
 * and every request it leaves — yield, sleep, wait on an fd — is carried out through the
 * scheduler, so it is ordered with Java coroutines by the same rules (§3.2, §3.3). See
 * {@link NativeCoroutineBody}.
 */
public final class NativeCoroutines {

    private NativeCoroutines() {
    }

    /**
     * Creates a coroutine in {@code scheduler} that runs the native function {@code entry}
     * with {@code argument} on a default-sized native stack.
     *
     * @param scheduler the scheduler; this must be called on its thread
     * @param entry the C function {@code void func(void *arg)}
     * @param argument its argument
     * @return the (Java) coroutine that hosts the native one
     * @see #create(Scheduler, NativeEntry, long, long)
     */
    public static Coroutine create(Scheduler scheduler, NativeEntry entry, long argument) {
        return create(scheduler, entry, argument, 0);
    }

    /**
     * Creates a coroutine in {@code scheduler} that runs the native function {@code entry}:
     * the native stack is mapped now (so failures surface here), the native function starts
     * on the coroutine's first resume (§2.1), and the stack is freed when it exits (§2.2).
     * If the scheduler is closed first, the abandoned native context is freed once the
     * coroutine becomes unreachable (see {@link NativeContext}).
     *
     * @param scheduler the scheduler; this must be called on its thread
     * @param entry the C function {@code void func(void *arg)}
     * @param argument its argument
     * @param stackSize the native stack in bytes, 0 for the default
     * @return the (Java) coroutine that hosts the native one; its
     *         {@link Coroutine#argument() argument} is the {@link NativeContext}, for
     *         inspection only — resuming it from elsewhere would bypass the scheduler
     * @throws io.nty.api.ContextSwitchUnavailableException if the native switch is unavailable
     * @throws io.nty.api.WrongThreadException if called from another thread than the scheduler's
     * @throws io.nty.api.SchedulerClosedException if the scheduler is closed
     */
    public static Coroutine create(Scheduler scheduler, NativeEntry entry, long argument,
            long stackSize) {
        Objects.requireNonNull(scheduler, "scheduler");
        NativeContext context = NativeContext.create(entry, argument, stackSize);
        try {
            return scheduler.create(new NativeCoroutineBody(scheduler), context);
        } catch (RuntimeException | Error e) {
            context.free();
            throw e;
        }
    }
}
