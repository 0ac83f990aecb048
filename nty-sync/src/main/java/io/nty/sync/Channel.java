package io.nty.sync;

import io.nty.api.Scheduler;
import java.util.ArrayDeque;
import java.util.Objects;

/**
 * A bounded FIFO channel between coroutines of one scheduler.
 *
 * <p>Elements come out in the order they went in. Senders that find the buffer full wait in
 * FIFO order and are admitted in that order as room appears; receivers that find it empty wait
 * in FIFO order and are served in that order, an arriving element going straight to the first
 * of them. {@link #close()}: later sends fail, senders waiting at the close fail (their elements
 * were not accepted), receivers first drain what is buffered and then get
 * {@link ChannelClosedException}.
 *
 * <p>Cancellation (§6.3) is safe: a sender or receiver cancelled while it waits leaves its queue
 * and the channel is as if it had never come — a cancelled receiver loses no element, a
 * cancelled sender's element is not sent. If the hand-off completed before the cancellation
 * reached it, the call returns normally (the element sent, or the element received) and the
 * cancellation is delivered at the coroutine's next suspension point.
 *
 * <p>Invariants, all on the owning scheduler's thread: receivers wait only while the buffer is
 * empty; senders wait only while it is full; so there are never waiting senders and waiting
 * receivers at once. A channel belongs to the scheduler of the thread that first uses it; other
 * threads reach it through that scheduler's {@code execute} (§1.3). Nulls are refused.
 *
 * @param <E> the element type
 */
public final class Channel<E> {

    private final int capacity;
    private final ArrayDeque<E> buffer;
    private final WaitQueue<E> senders = new WaitQueue<>();
    private final WaitQueue<E> receivers = new WaitQueue<>();
    private final Confinement confinement = new Confinement("Channel");
    private boolean closed;

    /**
     * Creates an open, empty channel that buffers up to {@code capacity} elements: a send
     * completes without suspending while fewer are buffered, and suspends the sender while the
     * buffer is full.
     *
     * @param capacity how many elements the channel buffers, {@code >= 1}
     * @throws IllegalArgumentException if {@code capacity < 1}
     */
    public Channel(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("channel capacity must be >= 1, got " + capacity);
        }
        this.capacity = capacity;
        this.buffer = new ArrayDeque<>(Math.min(capacity, 1024));
    }

    /**
     * Sends {@code element}, waiting while the buffer is full.
     *
     * @param element the element, not null
     * @throws ChannelClosedException if the channel is closed, or closes while this waits
     * @throws io.nty.api.CoroutineCancelledException if cancelled while waiting; the element was
     *         not sent
     * @throws io.nty.api.NotInCoroutineException if it would wait outside a coroutine (§3.6)
     */
    public void send(E element) {
        Objects.requireNonNull(element, "element must not be null");
        Scheduler s = confinement.check("send");
        if (offer(element)) {
            return;
        }
        Waiter<E> w = Waiter.forCurrent(s, "Channel.send");
        w.item = element;
        senders.addLast(w);
        w.park();
        if (w.status == Waiter.Status.CLOSED) {
            throw new ChannelClosedException("channel closed while " + w.coroutine + " waited to send " + element);
        }
    }

    /**
     * Sends {@code element} if that needs no waiting.
     *
     * @param element the element, not null
     * @return {@code true} if it was sent (to a waiting receiver or into the buffer), {@code false}
     *         if the buffer is full
     * @throws ChannelClosedException if the channel is closed
     */
    public boolean trySend(E element) {
        Objects.requireNonNull(element, "element must not be null");
        confinement.check("trySend");
        return offer(element);
    }

    private boolean offer(E element) {
        if (closed) {
            throw new ChannelClosedException("send on a closed channel: " + element);
        }
        Waiter<E> r = receivers.pollFirstParked();
        if (r != null) {
            r.item = element; // the buffer is empty while receivers wait: FIFO holds
            r.complete(Waiter.Status.GRANTED);
            return true;
        }
        if (buffer.size() < capacity) {
            buffer.addLast(element);
            return true;
        }
        return false;
    }

    /**
     * Receives the oldest element, waiting while the channel is empty and open.
     *
     * @return the element
     * @throws ChannelClosedException once the channel is closed and drained
     * @throws io.nty.api.CoroutineCancelledException if cancelled while waiting; no element was
     *         taken
     * @throws io.nty.api.NotInCoroutineException if it would wait outside a coroutine (§3.6)
     */
    public E receive() {
        Scheduler s = confinement.check("receive");
        E e = take();
        if (e != null) {
            return e;
        }
        if (closed) {
            throw new ChannelClosedException("receive on a closed, drained channel");
        }
        Waiter<E> w = Waiter.forCurrent(s, "Channel.receive");
        receivers.addLast(w);
        w.park();
        if (w.status == Waiter.Status.CLOSED) {
            throw new ChannelClosedException("channel closed while " + w.coroutine + " waited to receive");
        }
        return w.item;
    }

    /**
     * Receives the oldest element if there is one, without waiting.
     *
     * @return the element, or {@code null} if the channel is empty (open or closed)
     */
    public E poll() {
        confinement.check("poll");
        return take();
    }

    /** Takes the head of the buffer and admits the first waiting sender into the room made. */
    private E take() {
        E e = buffer.pollFirst();
        if (e != null) {
            Waiter<E> sender = senders.pollFirstParked();
            if (sender != null) {
                buffer.addLast(sender.item);
                sender.complete(Waiter.Status.GRANTED);
            }
        }
        return e;
    }

    /**
     * Closes the channel. Waiting senders fail with {@link ChannelClosedException}; waiting
     * receivers (there are some only if the buffer is empty) fail the same way; buffered
     * elements stay receivable. Idempotent.
     */
    public void close() {
        confinement.check("close");
        if (closed) {
            return;
        }
        closed = true;
        for (Waiter<E> w; (w = senders.pollFirst()) != null; ) {
            w.complete(Waiter.Status.CLOSED);
        }
        for (Waiter<E> w; (w = receivers.pollFirst()) != null; ) {
            w.complete(Waiter.Status.CLOSED);
        }
    }

    /** {@return whether {@link #close()} was called} */
    public boolean isClosed() {
        return closed;
    }

    /** {@return how many elements are buffered now} */
    public int size() {
        return buffer.size();
    }

    /** {@return the most elements the channel buffers} */
    public int capacity() {
        return capacity;
    }

    /** {@return how many senders wait for room} */
    public int waitingSenders() {
        return senders.size();
    }

    /** {@return how many receivers wait for an element} */
    public int waitingReceivers() {
        return receivers.size();
    }

    @Override
    public String toString() {
        return "Channel[" + buffer.size() + "/" + capacity + (closed ? ", closed" : "") + ", "
                + senders.size() + " senders waiting, " + receivers.size() + " receivers waiting]";
    }
}
