package io.nty.scheduler;

import io.nty.api.Coroutine;
import io.nty.api.CoroutineFunction;
import io.nty.api.Coroutines;
import io.nty.api.Scheduler;

/**
 * NtyCo's C API under its own names, for readers coming from NtyCo or the article on it. The
 * object API ({@link NtyScheduler}, {@link Coroutines}) is primary; each method here is one line
 * over it.
 *
 * <p>As in NtyCo, the scheduler is per thread and created on demand: the first
 * {@link #coroutineCreate} on a thread without a scheduler creates one
 * ({@code nty_schedule_create}) and binds it to that thread until {@link #scheduleFree()}.
 */
public final class NtyCo {

    private NtyCo() {
    }

    /**
     * {@code nty_coroutine_create(&co, func, arg)}: creates a coroutine on this thread's scheduler,
     * creating the scheduler first if the thread has none (§1.1).
     *
     * @param func the coroutine's body
     * @param arg its argument
     * @param <T> the argument type
     * @return the new coroutine
     */
    public static <T> Coroutine coroutineCreate(CoroutineFunction<? super T> func, T arg) {
        return schedule().create(func, arg);
    }

    /** {@code nty_schedule_run()}: runs this thread's scheduler until nothing is left (§3.3, §3.5). */
    public static void scheduleRun() {
        Scheduler.ofCurrentThread().ifPresent(Scheduler::run);
    }

    /** {@code nty_coroutine_yield(co)}: yields to the ready tail (§3.2). */
    public static void coroutineYield() {
        Coroutines.yield();
    }

    /**
     * {@code nty_coroutine_sleep(ms)}: {@code 0} yields, {@code ms > 0} suspends at least that long
     * (§3.4; unlike NtyCo, it really suspends).
     *
     * @param millis how long, {@code >= 0}
     */
    public static void coroutineSleep(long millis) {
        Coroutines.sleep(millis);
    }

    /** {@code nty_schedule_free(sched)}: closes this thread's scheduler, if it has one. */
    public static void scheduleFree() {
        Scheduler.ofCurrentThread().ifPresent(Scheduler::close);
    }

    private static Scheduler schedule() {
        return Scheduler.ofCurrentThread().orElseGet(NtyScheduler::create);
    }
}
