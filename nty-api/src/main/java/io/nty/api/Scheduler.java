package io.nty.api;

import io.nty.api.spi.SchedulerBinding;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * A per-thread coroutine scheduler: NtyCo's {@code nty_schedule}.
 *
 * <p>A scheduler owns a FIFO ready queue, a sleep structure ordered by (deadline, order of
 * sleeping), and a wait table keyed by fd and direction, and drives them in rounds (§3.3). It
 * belongs to one thread, the thread that created it (§5.1): every method except
 * {@link #execute} must be called on that thread and fails with {@link WrongThreadException}
 * elsewhere. At most one open
 * scheduler is bound to a thread at a time; {@link #ofCurrentThread()} finds it.
 *
 * <p>The coroutine-side operations ({@link #yieldNow()}, {@link #sleep}, {@link #await},
 * {@link #park()}, {@link #join}) must be called from inside one of this scheduler's coroutines and
 * fail with {@link NotInCoroutineException} otherwise (§3.6). {@link Coroutines} offers them as
 * static methods that find the scheduler of the calling thread.
 *
 * <p>§6, from other threads: {@link #unpark}, {@link #cancel} and {@link #join} are confined to
 * the scheduler's thread like everything else and throw {@link WrongThreadException} elsewhere.
 * Another thread unparks or cancels a coroutine by submitting the call through the thread-safe
 * path, {@code scheduler.execute(co::unpark)} (§1.3): it runs on the scheduler's thread at the
 * start of the next round and wakes a blocked poll. This is the only way back in, so the §6
 * structures need no locks.
 *
 * <p>After {@link #close()}, every method fails with {@link SchedulerClosedException}, except
 * {@code close()} itself (idempotent) and {@link #execute}, which throws
 * {@link java.util.concurrent.RejectedExecutionException} as the {@link Executor} contract asks.
 */
public interface Scheduler extends Executor, AutoCloseable {

    /**
     * Creates a coroutine: NtyCo's {@code nty_coroutine_create(&co, func, arg)}.
     *
     * <p>§1.1: the new coroutine is {@link CoroutineState#NEW}, gets the next id (0, 1, 2 … per
     * scheduler) and is appended to the tail of the ready queue; {@code func} does not run here.
     * §1.2: creating never switches: the caller, coroutine or not, keeps running.
     *
     * @param func the coroutine's body, called once with {@code arg} on its first resume (§2.1)
     * @param arg the argument; may be {@code null}
     * @param <T> the argument type
     * @return the new coroutine
     * @throws NullPointerException if {@code func} is null
     * @throws WrongThreadException if called from another thread than the scheduler's (§5.1)
     * @throws SchedulerClosedException if the scheduler is closed
     */
    <T> Coroutine create(CoroutineFunction<? super T> func, T arg);

    /**
     * Creates a coroutine whose function returns a result: {@link #create} with a
     * {@link CoroutineCallable}. Everything §1.1 and §1.2 say of {@code create} holds (the next
     * id, the ready tail, no switch); in addition, what {@code func} returns is the result
     * {@link #join} hands to joiners (§6.2). Its {@link Coroutine#function()} is an adapter that
     * calls {@code func} and keeps the result.
     *
     * @param func the coroutine's body, called once with {@code arg} on its first resume (§2.1)
     * @param arg the argument; may be {@code null}
     * @param <T> the argument type
     * @param <R> the result type
     * @return the new coroutine
     * @throws NullPointerException if {@code func} is null
     * @throws WrongThreadException if called from another thread than the scheduler's (§5.1)
     * @throws SchedulerClosedException if the scheduler is closed
     */
    <T, R> ResultCoroutine<R> createWithResult(CoroutineCallable<? super T, ? extends R> func, T arg);

    /**
     * Runs scheduling rounds until no coroutine is ready, sleeping or waiting: NtyCo's
     * {@code nty_schedule_run}.
     *
     * <p>§3.3, one round: (a) resume the sleepers whose deadline has passed, in order of
     * (deadline, order of sleeping); (b) resume the coroutines that were in the ready queue when
     * (b) began, FIFO — coroutines made ready during (b) wait for the next round; (c) poll IO —
     * without blocking if anything is ready, else until the earliest deadline — and resume each
     * waiter whose fd is ready. §3.1: there is no preemption; a resumed coroutine runs until it
     * yields, sleeps, waits, parks, joins or exits. §3.5: returns when nothing is ready, sleeping
     * or waiting, no coroutine is parked (§6.1: an unpark may still come through
     * {@link #execute}, so with only parked coroutines left the scheduler blocks in its poll
     * until a task arrives) and no task submitted through {@link #execute} is pending. A
     * coroutine that is only joining keeps nothing alive by itself: the chain of joins ends at a
     * coroutine that is ready, sleeping, waiting or parked.
     *
     * @throws WrongThreadException if called from another thread than the scheduler's
     * @throws IllegalStateException if called while {@code run()} is already running
     *         (re-entered, for example from inside a coroutine)
     * @throws SchedulerClosedException if the scheduler is closed
     */
    void run();

    /**
     * Submits a task from any thread (§1.3, §5.2): the task becomes a new coroutine at the start
     * of the scheduler's next round, in submission order, and a poll that is blocked is woken.
     * If {@link #run()} is not running, the task waits for the next call to {@code run()}.
     *
     * @param task the task; its exceptions reach the exception handler like any coroutine's
     * @throws NullPointerException if {@code task} is null
     * @throws java.util.concurrent.RejectedExecutionException if the scheduler is closed
     */
    @Override
    void execute(Runnable task);

    /**
     * @return the coroutine running now, or empty when called from outside any coroutine of this
     *         scheduler
     * @throws WrongThreadException if called from another thread than the scheduler's
     */
    Optional<Coroutine> current();

    /**
     * Yields: NtyCo's {@code nty_coroutine_yield} / {@code nty_coroutine_sleep(0)}.
     *
     * <p>§3.2: appends the calling coroutine to the ready-queue tail and switches to the
     * scheduler; it resumes in a later round (§3.3b).
     *
     * @throws NotInCoroutineException if not called from inside one of this scheduler's
     *         coroutines (§3.6)
     * @throws CoroutinePinnedException if the coroutine cannot be suspended here (a native frame
     *         or, on some JDKs, a held monitor); the coroutine keeps running
     * @throws CoroutineCancelledException if the coroutine is cancelled (§6.3)
     */
    void yieldNow();

    /**
     * Sleeps: NtyCo's {@code nty_coroutine_sleep(ms)}.
     *
     * <p>§3.4: suspends the calling coroutine for at least {@code millis} milliseconds of the
     * scheduler's clock. {@code sleep(0)} is {@link #yieldNow()} (§3.2); any {@code millis > 0}
     * suspends — unlike NtyCo, whose {@code sleep(ms > 0)} does not yield.
     *
     * @param millis how long to sleep, {@code >= 0}
     * @throws IllegalArgumentException if {@code millis < 0}
     * @throws NotInCoroutineException if not called from inside a coroutine (§3.6)
     * @throws CoroutinePinnedException if the coroutine cannot be suspended here
     * @throws CoroutineCancelledException if the coroutine is cancelled (§6.3); it wakes at once
     */
    void sleep(long millis);

    /**
     * Sleeps for a duration, rounded up to whole milliseconds; see {@link #sleep(long)}.
     *
     * @param duration how long to sleep, not negative
     */
    default void sleep(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("sleep duration must not be negative: " + duration);
        }
        long millis = duration.toMillis();
        if (duration.minusMillis(millis).isPositive()) {
            millis++;
        }
        sleep(millis);
    }

    /**
     * Waits until {@code fd} is ready for {@code events}: the core of NtyCo's socket hooks
     * ({@code nty_poll_inner}).
     *
     * <p>§4.1: at most one coroutine waits to read an fd and at most one waits to write it
     * ({@link IoDirection}); a reader and a writer may wait at once, each woken only by its own
     * readiness ({@code ERROR} and {@code HANGUP} count for both) and both by a close. A second
     * would-be reader (or writer) gets {@link FdBusyException} at once and the first is
     * unaffected; a wait for {@code READ|WRITE} occupies both directions. §4.2: interest in the
     * fd is armed just before the caller suspends and disarmed as it resumes; readiness while
     * nobody waits wakes nobody. §4.3: the caller resumes only when the fd is ready for its
     * events (the ready events are returned), when the timeout expires
     * ({@link WaitTimeoutException}) or when the fd is reported closed through {@link #fdClosed}
     * ({@link FdClosedException}) — or, with a poller that learns of them, closed on another
     * thread; readiness during the wait always resumes it.
     *
     * @param fd the file descriptor, {@code >= 0}
     * @param events the interest, a non-empty combination of {@link IoEvents#READ} and
     *        {@link IoEvents#WRITE}
     * @param timeoutMillis the longest wait; {@code 0} waits without limit
     * @return the ready events among {@code events}, never 0 (may include
     *         {@link IoEvents#ERROR} or {@link IoEvents#HANGUP})
     * @throws IllegalArgumentException if {@code fd < 0}, {@code events} is empty or has unknown
     *         bits, or {@code timeoutMillis < 0}
     * @throws FdBusyException if another coroutine already waits on {@code fd} in a direction of
     *         {@code events}: a second reader or a second writer (§4.1)
     * @throws WaitTimeoutException if the timeout expired first (§4.3)
     * @throws FdClosedException if another coroutine closed {@code fd} during the wait (§4.3)
     * @throws NotInCoroutineException if not called from inside a coroutine (§3.6)
     * @throws UnsupportedOperationException if this scheduler's poller cannot wait on fds
     * @throws CoroutineCancelledException if the coroutine is cancelled (§6.3); its interest is
     *         disarmed at the cancel (§4.2)
     */
    int await(int fd, int events, long timeoutMillis);

    /**
     * Parks the calling coroutine: the coroutine-side half of §6.1.
     *
     * <p>§6.1: if an {@link #unpark} of this coroutine came since its last park (its permit), the
     * permit is used up and {@code park} returns at once without switching. Otherwise the
     * coroutine becomes {@link CoroutineState#PARKED} and runs again only after an
     * {@link #unpark}, which appends it to the ready tail, or a {@link #cancel} (§6.3). There are
     * no spurious returns. A parked coroutine keeps {@link #run()} running (§3.5).
     *
     * @throws CoroutineCancelledException if the coroutine is cancelled while parked, or was
     *         cancelled before the call (§6.3)
     * @throws NotInCoroutineException if not called from inside a coroutine (§3.6)
     * @throws CoroutinePinnedException if the coroutine cannot be suspended here
     */
    void park();

    /**
     * Unparks {@code co}: the other half of §6.1, like {@code LockSupport.unpark} for coroutines.
     *
     * <p>§6.1: if {@code co} is {@link CoroutineState#PARKED}, it becomes READY and is appended to
     * the ready-queue tail. Otherwise the only effect is to give {@code co} its permit (one, not a
     * count), so that its next {@link #park()} returns at once: an unpark that comes before the
     * park is not lost. Unparking a coroutine that is not parked changes nothing else: not its
     * state, not its place in any queue. Unparking an EXITED coroutine does nothing. May be
     * called from inside or outside a coroutine, on the scheduler's thread only.
     *
     * @param co a coroutine of this scheduler
     * @throws NullPointerException if {@code co} is null
     * @throws IllegalArgumentException if {@code co} belongs to another scheduler
     * @throws WrongThreadException if called from another thread; submit
     *         {@code execute(co::unpark)} instead (§1.3)
     */
    void unpark(Coroutine co);

    /**
     * Waits for {@code co} to end and returns its result (§6.2).
     *
     * <p>§6.2: if {@code co} is EXITED, returns (or throws) at once, without switching, and this
     * is allowed outside a coroutine too. Otherwise the caller becomes
     * {@link CoroutineState#JOINING} until {@code co} ends; joiners of one coroutine are appended
     * to the ready tail in the order they joined, when it ends. A coroutine joining itself, or
     * joining a coroutine that is (directly or through a chain of joins) joining it, gets
     * {@link JoinCycleException} at once and keeps running.
     *
     * @param co a coroutine of this scheduler
     * @return the result of {@code co}: what its {@link CoroutineCallable} returned, or
     *         {@code null} for a coroutine made by {@link #create}
     * @throws CoroutineFailedException if {@code co} ended by throwing (the cause is what it threw)
     *         or was cancelled (the cause is a {@link CoroutineCancelledException})
     * @throws JoinCycleException if the join would never end (§6.2)
     * @throws CoroutineCancelledException if the caller is cancelled while joining (§6.3)
     * @throws NotInCoroutineException if {@code co} has not ended and the caller is not a
     *         coroutine (§3.6)
     * @throws IllegalArgumentException if {@code co} belongs to another scheduler
     * @throws WrongThreadException if called from another thread (§5.1)
     */
    Object join(Coroutine co);

    /**
     * Cancels {@code co} (§6.3).
     *
     * <p>§6.3: a suspended coroutine (READY after a yield or an unpark, SLEEPING, WAITING,
     * PARKED, JOINING) is appended to the ready tail if it is not already in the ready queue, and
     * when it resumes, the call it is suspended in (yield, sleep, await, park, join, or a socket
     * hook waiting in one of them) throws {@link CoroutineCancelledException}; its {@code finally}
     * blocks run as the exception unwinds. Any fd interest it held is disarmed at once (§4.2), and
     * its timeout no longer counts. A NEW coroutine never runs: it becomes EXITED at once and its
     * joiners get a {@link CoroutineFailedException}. A RUNNING coroutine (the caller cancelling
     * itself) gets the exception from its next suspending call, at once. Cancelling a coroutine
     * whose cancellation is still pending, or one that is EXITED, does nothing. May be called
     * from inside or outside a coroutine, on the scheduler's thread only.
     *
     * @param co a coroutine of this scheduler
     * @throws NullPointerException if {@code co} is null
     * @throws IllegalArgumentException if {@code co} belongs to another scheduler
     * @throws WrongThreadException if called from another thread; submit
     *         {@code execute(co::cancel)} instead (§1.3)
     */
    void cancel(Coroutine co);

    /**
     * Tells the scheduler that {@code fd} is being closed: the socket hooks call this before
     * {@code close(2)}. The coroutines waiting on it — its reader and its writer (§4.1) — are
     * made ready and their {@link #await} throws {@link FdClosedException} (§4.3); interest in
     * the fd is disarmed. Whether or not anyone
     * waits, the poller is told to forget the fd ({@code Poller.forget}). May be called from inside or outside a coroutine, on the scheduler's thread.
     *
     * @param fd the file descriptor being closed
     * @return whether a waiter was woken
     */
    boolean fdClosed(int fd);

    /** @return the thread this scheduler belongs to (§5.1) */
    Thread thread();

    /** @return whether {@link #close()} has been called */
    boolean isClosed();

    /**
     * Closes the scheduler and its poller and unbinds it from its thread. Coroutines still
     * suspended are abandoned: they are never resumed and their contexts are freed. Idempotent.
     *
     * @throws WrongThreadException if called from another thread than the scheduler's
     * @throws IllegalStateException if called while {@link #run()} is running
     */
    @Override
    void close();

    /**
     * @return the open scheduler bound to the calling thread (§5.1), or empty if there is none
     */
    static Optional<Scheduler> ofCurrentThread() {
        return Optional.ofNullable(SchedulerBinding.current());
    }
}
