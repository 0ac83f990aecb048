package io.nty.sync;

import io.nty.api.Coroutine;
import io.nty.api.Scheduler;

/**
 * A mutual-exclusion lock for coroutines of one scheduler, with FIFO hand-off and
 * {@linkplain #newCondition() conditions}.
 *
 * <p>Coroutines never run at the same time (§3.1), so a lock is only needed to keep a critical
 * section whole across a suspension (an IO wait, a sleep, a channel send). The lock is not
 * reentrant: a coroutine that holds it and locks again gets an {@link IllegalStateException}
 * rather than a deadlock. {@link #unlock()} with coroutines waiting hands the lock straight to
 * the first of them (no barging), so the order of acquisition is the order of arrival.
 *
 * <p>Cancellation (§6.3) is safe: a coroutine cancelled while waiting for the lock leaves the
 * queue and does not hold it when the {@link io.nty.api.CoroutineCancelledException} reaches
 * it. If the lock was handed to it in the same round as the cancellation, {@link #lock()}
 * returns with the lock held and the cancellation comes at its next suspension point. A lock
 * belongs to the scheduler of the thread that first uses it.
 */
public final class CoroutineLock {

    private final WaitQueue<Void> waiters = new WaitQueue<>();
    private final Confinement confinement = new Confinement("CoroutineLock");
    private Coroutine owner;

    /**
     * Creates an unlocked lock with no waiters; it is bound to a scheduler by its first use.
     */
    public CoroutineLock() {
        // Explicit only to carry the comment above; the fields are initialised where declared.
    }

    /**
     * Acquires the lock, waiting in FIFO order while another coroutine holds it.
     *
     * @throws IllegalStateException if the calling coroutine already holds it
     * @throws io.nty.api.CoroutineCancelledException if cancelled while waiting; the lock is not held
     * @throws io.nty.api.NotInCoroutineException outside a coroutine (§3.6)
     */
    public void lock() {
        Scheduler s = confinement.check("lock");
        Waiter<Void> w = Waiter.forCurrent(s, "CoroutineLock.lock");
        if (owner == w.coroutine) {
            throw new IllegalStateException(w.coroutine + " already holds this lock (it is not reentrant)");
        }
        if (owner == null) {
            owner = w.coroutine;
            return;
        }
        waiters.addLast(w);
        w.park();
    }

    /**
     * {@return whether the lock was free and is now held by the calling coroutine}
     * @throws io.nty.api.NotInCoroutineException outside a coroutine
     */
    public boolean tryLock() {
        Scheduler s = confinement.check("tryLock");
        Coroutine co = Waiter.forCurrent(s, "CoroutineLock.tryLock").coroutine;
        if (owner == null) {
            owner = co;
            return true;
        }
        return false;
    }

    /**
     * Releases the lock, handing it to the first waiting coroutine if there is one.
     *
     * @throws IllegalMonitorStateException if the calling coroutine does not hold it
     */
    public void unlock() {
        Scheduler s = confinement.check("unlock");
        Coroutine co = s.current().orElse(null);
        if (owner == null || owner != co) {
            throw new IllegalMonitorStateException("unlock() by " + (co == null ? "no coroutine" : co)
                    + ", but the lock is held by " + (owner == null ? "nobody" : owner));
        }
        release();
    }

    /** Hands the lock to the first waiter, or frees it. */
    void release() {
        Waiter<Void> next = waiters.pollFirstParked();
        owner = next == null ? null : next.coroutine;
        if (next != null) {
            next.complete(Waiter.Status.GRANTED);
        }
    }

    /** Queues {@code w} for the lock, or grants it at once if it is free. */
    void enqueue(Waiter<Void> w) {
        if (owner == null && waiters.isEmpty()) {
            owner = w.coroutine;
            w.status = Waiter.Status.GRANTED;
        } else {
            waiters.addLast(w);
        }
    }

    boolean isHeldBy(Coroutine co) {
        return owner != null && owner == co;
    }

    Scheduler check(String operation) {
        return confinement.check(operation);
    }

    /** {@return a new condition bound to this lock} */
    public CoroutineCondition newCondition() {
        return new CoroutineCondition(this);
    }

    /** {@return whether some coroutine holds the lock} */
    public boolean isLocked() {
        return owner != null;
    }

    /** {@return how many coroutines wait for the lock} */
    public int queueLength() {
        return waiters.size();
    }

    @Override
    public String toString() {
        return "CoroutineLock[" + (owner == null ? "free" : "held by " + owner) + ", " + waiters.size() + " waiting]";
    }
}
