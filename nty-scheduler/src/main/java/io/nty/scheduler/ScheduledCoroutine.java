package io.nty.scheduler;

import io.nty.api.Coroutine;
import io.nty.api.CoroutineCallable;
import io.nty.api.CoroutineFunction;
import io.nty.api.CoroutineState;
import io.nty.api.ResultCoroutine;
import io.nty.api.Scheduler;
import io.nty.api.spi.ContextSwitch;
import java.util.ArrayList;
import java.util.List;

/**
 * The reference scheduler's coroutine: NtyCo's {@code nty_coroutine} struct.
 *
 * <p>All fields are owned by the scheduler's thread. The fields for the sleep queue and the wait
 * table live here, in the coroutine itself, so that sleeping and waiting allocate nothing.
 * {@link #run()} is the Java form of NtyCo's {@code _exec(co)} trampoline: the entry of the
 * coroutine's context.
 */
final class ScheduledCoroutine implements ResultCoroutine<Object>, Runnable {

    /** {@link #waitResult} when the wait timed out. */
    static final int WAIT_TIMED_OUT = -1;
    /** {@link #waitResult} when another coroutine closed the fd. */
    static final int WAIT_FD_CLOSED = -2;
    /** {@link #waitResult} when the waiter was cancelled (§6.3). */
    static final int WAIT_CANCELLED = -3;

    private final long id;
    private final NtyScheduler scheduler;
    private final CoroutineFunction<Object> function;
    /** Non-null for {@code createWithResult}: called instead of {@link #function}, result kept. */
    private final CoroutineCallable<Object, ?> callable;
    private final Object argument;

    CoroutineState state = CoroutineState.NEW;
    /** Null once EXITED (§2.2: the context is freed) or abandoned by close(). */
    ContextSwitch.Context context;
    /** What the function threw, handed to the exception handler after the context finishes. */
    Throwable failure;

    /** Sleep queue: deadline in clock nanos, tie-break sequence, heap slot or -1. */
    long deadline;
    long sleepSequence;
    int heapIndex = -1;

    /**
     * Wait table: the fd waited on or -1, the interest (the directions whose slots this
     * coroutine holds, §4.1), and the outcome set when the wait ends.
     */
    int waitFd = -1;
    int waitEvents;
    int waitResult;

    /** §6.1: an unpark came while this coroutine was not parked; its next park returns at once. */
    boolean permit;
    /** §6.3: a cancellation not yet delivered; the next suspension point throws. */
    boolean cancelRequested;
    /** §6.2: the coroutine this one is JOINING, or null; followed to find join cycles. */
    ScheduledCoroutine joining;
    /** §6.2: the coroutines JOINING this one, in join order; null until the first join. */
    List<ScheduledCoroutine> joiners;
    /** §6.2: once EXITED, what joiners get: the callable's result, or what ended it. */
    Object result;
    Throwable endFailure;

    @SuppressWarnings("unchecked")
    ScheduledCoroutine(long id, NtyScheduler scheduler, CoroutineFunction<?> function, Object argument) {
        this.id = id;
        this.scheduler = scheduler;
        this.function = (CoroutineFunction<Object>) function;
        this.callable = null;
        this.argument = argument;
    }

    @SuppressWarnings("unchecked")
    ScheduledCoroutine(long id, NtyScheduler scheduler, CoroutineCallable<?, ?> callable, Object argument) {
        this.id = id;
        this.scheduler = scheduler;
        this.callable = (CoroutineCallable<Object, ?>) callable;
        this.function = this.callable::call;
        this.argument = argument;
    }

    /**
     * The entry trampoline {@code _exec}: calls {@code func(arg)} exactly once (§2.1). Nothing
     * escapes: a failure is kept for the scheduler's handler (§2.3), which runs outside the
     * coroutine once the context has finished.
     */
    @Override
    public void run() {
        try {
            if (callable != null) {
                result = callable.call(argument);
            } else {
                function.run(argument);
            }
        } catch (Throwable t) {
            failure = t;
        }
    }

    void addJoiner(ScheduledCoroutine joiner) {
        if (joiners == null) {
            joiners = new ArrayList<>(2);
        }
        joiners.add(joiner);
    }

    boolean isSleeping() {
        return heapIndex >= 0;
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public CoroutineState state() {
        return state;
    }

    @Override
    public CoroutineFunction<?> function() {
        return function;
    }

    @Override
    public Object argument() {
        return argument;
    }

    @Override
    public Scheduler scheduler() {
        return scheduler;
    }

    @Override
    public String toString() {
        return "coroutine " + id + " (" + state + ")";
    }
}
