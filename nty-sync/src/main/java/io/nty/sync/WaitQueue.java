package io.nty.sync;

import io.nty.api.CoroutineState;

/**
 * A FIFO queue of {@link Waiter}s, doubly linked through the waiters themselves so a cancelled
 * waiter leaves from the middle in O(1).
 *
 * <p>Hand-offs take {@link #pollFirstParked()}: the oldest waiter still parked, so a waiter
 * cancelled in the same round is passed over. Invariants: a waiter is in at most one queue, and {@code waiter.queue} names it exactly
 * while it is linked; {@code size} is the number linked; confined to one scheduler's thread.
 *
 * @param <T> what the waiters hand over
 */
final class WaitQueue<T> {

    private Waiter<T> head;
    private Waiter<T> tail;
    private int size;

    void addLast(Waiter<T> w) {
        if (w.queue != null) {
            throw new IllegalStateException("waiter of " + w.coroutine + " is already queued");
        }
        w.queue = this;
        w.prev = tail;
        w.next = null;
        if (tail == null) {
            head = w;
        } else {
            tail.next = w;
        }
        tail = w;
        size++;
    }

    /** {@return the first waiter, or {@code null}} */
    Waiter<T> peekFirst() {
        return head;
    }

    /** {@return the first waiter, unlinked, or {@code null}} */
    Waiter<T> pollFirst() {
        Waiter<T> w = head;
        if (w != null) {
            remove(w);
        }
        return w;
    }

    /**
     * {@return the first waiter whose coroutine is PARKED, or {@code null}. A queued waiter whose
     *         coroutine is not parked has been cancelled (§6.3 queued it on the ready tail) and
     *         will leave the queue itself when it resumes; it is passed over so that it is
     *         handed nothing.}
     */
    Waiter<T> peekFirstParked() {
        for (Waiter<T> w = head; w != null; w = w.next) {
            if (w.coroutine.state() == CoroutineState.PARKED) {
                return w;
            }
        }
        return null;
    }

    /** {@return {@link #peekFirstParked()}, unlinked} */
    Waiter<T> pollFirstParked() {
        Waiter<T> w = peekFirstParked();
        if (w != null) {
            remove(w);
        }
        return w;
    }

    /** Unlinks {@code w} if it is in this queue. */
    void remove(Waiter<T> w) {
        if (w.queue != this) {
            return;
        }
        if (w.prev == null) {
            head = w.next;
        } else {
            w.prev.next = w.next;
        }
        if (w.next == null) {
            tail = w.prev;
        } else {
            w.next.prev = w.prev;
        }
        w.prev = null;
        w.next = null;
        w.queue = null;
        size--;
    }

    boolean isEmpty() {
        return head == null;
    }

    int size() {
        return size;
    }
}
