package io.nty.sync;

import io.nty.api.Coroutine;
import io.nty.api.CoroutineCancelledException;
import io.nty.api.CoroutineState;
import io.nty.api.NotInCoroutineException;
import io.nty.api.Scheduler;

/**
 * One coroutine parked in a {@link WaitQueue}, with what it hands over or is handed: the element
 * of a channel send or receive, or the permits a semaphore acquire asks for.
 *
 * <p>Life: {@link Status#WAITING} while queued; whoever completes it (a receiver taking its
 * element, an unlock handing it the lock, a close) takes it out of the queue, sets the outcome
 * and calls {@link #wake()}. {@link #park(Scheduler)} is the waiting side and the one place the
 * library's cancellation safety lives.
 *
 * @param <T> the type of what is handed over
 */
final class Waiter<T> {

    /** How a wait ended, or that it has not. */
    enum Status {
        /** Still queued. */
        WAITING,
        /** Completed: the hand-off happened (element taken or given, lock or permits granted). */
        GRANTED,
        /** The channel was closed first; nothing was handed over. */
        CLOSED
    }

    final Scheduler scheduler;
    final Coroutine coroutine;
    /** The element a sender offers, or the element a receiver was handed. */
    T item;
    /** For a semaphore: how many permits this waiter asks for. */
    int amount;
    Status status = Status.WAITING;

    /** Queue links, owned by {@link WaitQueue}; {@code queue} is null when not queued. */
    WaitQueue<T> queue;
    Waiter<T> prev;
    Waiter<T> next;

    private Waiter(Scheduler scheduler, Coroutine coroutine) {
        this.scheduler = scheduler;
        this.coroutine = coroutine;
    }

    /**
     * {@return a waiter for the coroutine running on the calling thread}
     *
     * @param operation the library call, for the error message
     * @throws NotInCoroutineException outside a coroutine (§3.6)
     */
    static <T> Waiter<T> forCurrent(Scheduler scheduler, String operation) {
        Coroutine co = scheduler.current().orElseThrow(() -> new NotInCoroutineException(
                operation + " would have to wait, and only a coroutine can wait (§3.6)"));
        return new Waiter<>(scheduler, co);
    }

    /**
     * Parks until this waiter is no longer {@link Status#WAITING}.
     *
     * <p>Cancellation (§6.3) while still waiting (or woken only by a close): the waiter leaves
     * its queue, so it holds nothing and loses nothing, and the
     * {@link CoroutineCancelledException} propagates. The hand-offs pass over a waiter whose
     * coroutine is no longer parked ({@link WaitQueue#peekFirstParked()}), so one cancelled
     * before the hand-off is never handed anything.
     * Cancellation that arrives after the hand-off completed (the grant and the cancel in the
     * same round): the hand-off stands — the element was taken or given, the lock or permits
     * are held — so this returns normally and cancels the coroutine again, which delivers the
     * cancellation at its next suspension point (§6.3, a running coroutine cancelling itself).
     * Either way nothing is lost or leaked.
     */
    void park() {
        try {
            while (status == Status.WAITING) {
                scheduler.park();
            }
        } catch (CoroutineCancelledException e) {
            switch (status) {
                case WAITING -> {
                    queue.remove(this);
                    throw e;
                }
                case CLOSED -> throw e; // nothing was handed over: the cancellation is the outcome
                case GRANTED -> scheduler.cancel(coroutine);
            }
        } catch (RuntimeException | Error e) {
            if (status == Status.WAITING) {
                queue.remove(this);
            }
            throw e;
        }
    }

    /**
     * Completes this waiter, already out of its queue, and lets it run. Only a PARKED coroutine
     * is unparked: one that is READY (cancelled, §6.3) resumes anyway and sees the outcome, and
     * an unpark would only leave it a stray permit (§6.1).
     */
    void complete(Status outcome) {
        status = outcome;
        if (coroutine.state() == CoroutineState.PARKED) {
            scheduler.unpark(coroutine);
        }
    }
}
