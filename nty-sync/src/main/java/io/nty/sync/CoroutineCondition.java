package io.nty.sync;

import io.nty.api.CoroutineCancelledException;
import io.nty.api.Scheduler;

/**
 * A condition of a {@link CoroutineLock}: wait until signalled, with the lock released meanwhile.
 *
 * <p>{@link #await()} releases the lock (handing it to the next waiter), waits for a signal,
 * then waits for the lock again; it always returns or throws holding the lock. {@link #signal()}
 * moves the longest-waiting coroutine to the tail of the lock's queue; {@link #signalAll()} moves
 * all of them, in order. As with any condition, wait in a loop that re-checks the predicate.
 *
 * <p>Cancellation (§6.3): a coroutine cancelled in {@code await} before a signal reached it
 * leaves the condition's queue, re-acquires the lock, and then gets the
 * {@link CoroutineCancelledException}, so it consumed no signal. One cancelled after it was
 * signalled keeps the signal: it re-acquires the lock, returns normally, and the cancellation
 * comes at its next suspension point.
 */
public final class CoroutineCondition {

    private final CoroutineLock lock;
    private final WaitQueue<Void> waiters = new WaitQueue<>();

    CoroutineCondition(CoroutineLock lock) {
        this.lock = lock;
    }

    /**
     * Releases the lock, waits for a signal, re-acquires the lock.
     *
     * @throws IllegalMonitorStateException if the calling coroutine does not hold the lock
     * @throws CoroutineCancelledException if cancelled while waiting; the lock is held again
     */
    public void await() {
        Scheduler s = lock.check("await");
        Waiter<Void> w = Waiter.forCurrent(s, "CoroutineCondition.await");
        if (!lock.isHeldBy(w.coroutine)) {
            throw new IllegalMonitorStateException("await() by " + w.coroutine + ", which does not hold " + lock);
        }
        waiters.addLast(w);
        lock.release();
        CoroutineCancelledException cancelled = null;
        boolean signalledFirst = false;
        // The waiter moves from this condition's queue to the lock's queue on a signal; it is
        // GRANTED only when the lock is handed to it.
        while (w.status == Waiter.Status.WAITING) {
            try {
                s.park();
            } catch (CoroutineCancelledException e) {
                if (cancelled == null) {
                    cancelled = e;
                    signalledFirst = w.queue != waiters;
                }
                if (w.queue == waiters) { // not signalled: wait for the lock only
                    waiters.remove(w);
                    lock.enqueue(w);
                }
            }
        }
        if (cancelled != null) {
            if (!signalledFirst) {
                throw cancelled;
            }
            // The signal was ours before the cancellation came: keep it (return as signalled)
            // and deliver the cancellation at the next suspension point.
            s.cancel(w.coroutine);
        }
    }

    /**
     * Moves the longest-waiting coroutine, if any, to the lock's queue.
     *
     * @throws IllegalMonitorStateException if the calling coroutine does not hold the lock
     */
    public void signal() {
        checkHeld("signal");
        Waiter<Void> w = waiters.pollFirstParked();
        if (w != null) {
            lock.enqueue(w);
        }
    }

    /**
     * Moves every waiting coroutine, in order, to the lock's queue.
     *
     * @throws IllegalMonitorStateException if the calling coroutine does not hold the lock
     */
    public void signalAll() {
        checkHeld("signalAll");
        for (Waiter<Void> w; (w = waiters.pollFirstParked()) != null; ) {
            lock.enqueue(w); // cancelled waiters stay: they leave by themselves, unsignalled
        }
    }

    /** {@return how many coroutines wait for a signal} */
    public int waitingCount() {
        return waiters.size();
    }

    private void checkHeld(String operation) {
        Scheduler s = lock.check(operation);
        var co = s.current().orElse(null);
        if (co == null || !lock.isHeldBy(co)) {
            throw new IllegalMonitorStateException(operation + "() by " + (co == null ? "no coroutine" : co)
                    + ", which does not hold " + lock);
        }
    }
}
