package io.nty.sync;

import io.nty.api.CoroutineCancelledException;
import io.nty.api.Scheduler;

/**
 * A counting semaphore for coroutines of one scheduler, with FIFO hand-off.
 *
 * <p>{@link #acquire(int)} takes permits if no one waits ahead and enough are available, else
 * waits in FIFO order; {@link #release(int)} adds permits and grants them to waiters from the
 * head of the queue for as long as the head's request can be met — a large request at the head
 * holds back smaller ones behind it, so no waiter starves.
 *
 * <p>Cancellation (§6.3) is safe: a waiter cancelled before its permits were granted leaves the
 * queue holding none (and the waiters behind it are granted at once if its leaving lets them);
 * one granted in the same round as its cancellation returns holding them and gets the
 * cancellation at its next suspension point. Belongs to the scheduler of the thread that first
 * uses it.
 */
public final class CoroutineSemaphore {

    private final WaitQueue<Void> waiters = new WaitQueue<>();
    private final Confinement confinement = new Confinement("CoroutineSemaphore");
    private long permits;

    /**
     * Creates a semaphore with {@code permits} permits and no waiters; {@code 0} makes every
     * acquire wait until a release.
     *
     * @param permits the permits available at first, {@code >= 0}
     * @throws IllegalArgumentException if {@code permits < 0}
     */
    public CoroutineSemaphore(int permits) {
        if (permits < 0) {
            throw new IllegalArgumentException("initial permits must be >= 0, got " + permits);
        }
        this.permits = permits;
    }

    /** Acquires one permit; see {@link #acquire(int)}. */
    public void acquire() {
        acquire(1);
    }

    /**
     * Acquires {@code n} permits, waiting in FIFO order until they can be granted.
     *
     * @param n how many, {@code >= 1}
     * @throws CoroutineCancelledException if cancelled while waiting; no permit is held
     * @throws io.nty.api.NotInCoroutineException if it would wait outside a coroutine (§3.6)
     */
    public void acquire(int n) {
        checkAmount(n);
        Scheduler s = confinement.check("acquire");
        if (waiters.isEmpty() && permits >= n) {
            permits -= n;
            return;
        }
        Waiter<Void> w = Waiter.forCurrent(s, "CoroutineSemaphore.acquire");
        w.amount = n;
        waiters.addLast(w);
        try {
            w.park();
        } catch (CoroutineCancelledException e) {
            grant(); // it may have held back the waiters behind it
            throw e;
        }
    }

    /**
     * {@return whether {@code n} permits were available with nobody waiting, and are now taken}
     *
     * @param n how many, {@code >= 1}
     */
    public boolean tryAcquire(int n) {
        checkAmount(n);
        confinement.check("tryAcquire");
        if (waiters.isEmpty() && permits >= n) {
            permits -= n;
            return true;
        }
        return false;
    }

    /** Releases one permit; see {@link #release(int)}. */
    public void release() {
        release(1);
    }

    /**
     * Adds {@code n} permits and grants waiters from the head of the queue. Any coroutine (or
     * the scheduler's thread outside a coroutine) may release.
     *
     * @param n how many, {@code >= 1}
     */
    public void release(int n) {
        checkAmount(n);
        confinement.check("release");
        permits += n;
        grant();
    }

    private void grant() {
        for (Waiter<Void> head; (head = waiters.peekFirstParked()) != null && permits >= head.amount; ) {
            waiters.remove(head);
            permits -= head.amount;
            head.complete(Waiter.Status.GRANTED);
        }
    }

    /** {@return the permits available now} */
    public long availablePermits() {
        return permits;
    }

    /** {@return how many coroutines wait for permits} */
    public int queueLength() {
        return waiters.size();
    }

    private static void checkAmount(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("permits must be >= 1, got " + n);
        }
    }

    @Override
    public String toString() {
        return "CoroutineSemaphore[" + permits + " available, " + waiters.size() + " waiting]";
    }
}
