package io.nty.scheduler;

import io.nty.api.Coroutine;
import io.nty.api.CoroutineFunction;
import io.nty.api.CoroutineState;
import io.nty.api.Scheduler;
import io.nty.api.spi.ContextSwitch;

/**
 * The reference scheduler's coroutine: NtyCo's {@code nty_coroutine} struct.
 *
 * <p>All fields are owned by the scheduler's thread. The fields for the sleep queue and the wait
 * table live here, in the coroutine itself, so that sleeping and waiting allocate nothing.
 * {@link #run()} is the Java form of NtyCo's {@code _exec(co)} trampoline: the entry of the
 * coroutine's context.
 */
final class ScheduledCoroutine implements Coroutine, Runnable {

    /** {@link #waitResult} when the wait timed out. */
    static final int WAIT_TIMED_OUT = -1;
    /** {@link #waitResult} when another coroutine closed the fd. */
    static final int WAIT_FD_CLOSED = -2;

    private final long id;
    private final NtyScheduler scheduler;
    private final CoroutineFunction<Object> function;
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

    @SuppressWarnings("unchecked")
    ScheduledCoroutine(long id, NtyScheduler scheduler, CoroutineFunction<?> function, Object argument) {
        this.id = id;
        this.scheduler = scheduler;
        this.function = (CoroutineFunction<Object>) function;
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
            function.run(argument);
        } catch (Throwable t) {
            failure = t;
        }
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
