package io.nty.scheduler;

import java.util.Arrays;

/**
 * The FIFO ready queue: NtyCo's {@code ready} TAILQ, as a growable ring buffer.
 *
 * <p>Invariants: elements {@code [head, head + size)} (mod capacity) are the queue in order;
 * every other slot is {@code null} so dequeued coroutines are not retained; capacity is a power
 * of two. Adding allocates only when the queue outgrows its largest size so far.
 */
final class ReadyQueue {

    private ScheduledCoroutine[] elements = new ScheduledCoroutine[16];
    private int head;
    private int size;

    /** Appends to the tail (§1.1, §3.2). */
    void addLast(ScheduledCoroutine co) {
        if (size == elements.length) {
            grow();
        }
        elements[(head + size) & (elements.length - 1)] = co;
        size++;
    }

    /** {@return the head, removed, or {@code null} if empty} */
    ScheduledCoroutine pollFirst() {
        if (size == 0) {
            return null;
        }
        ScheduledCoroutine co = elements[head];
        elements[head] = null;
        head = (head + 1) & (elements.length - 1);
        size--;
        return co;
    }

    /**
     * Takes back the element just added, when a suspension that queued it failed.
     *
     * @throws IllegalStateException if {@code co} is not the tail
     */
    void removeLast(ScheduledCoroutine co) {
        int tail = (head + size - 1) & (elements.length - 1);
        if (size == 0 || elements[tail] != co) {
            throw new IllegalStateException(co + " is not at the tail of the ready queue");
        }
        elements[tail] = null;
        size--;
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    void clear() {
        Arrays.fill(elements, null);
        head = 0;
        size = 0;
    }

    private void grow() {
        ScheduledCoroutine[] bigger = new ScheduledCoroutine[elements.length * 2];
        for (int i = 0; i < size; i++) {
            bigger[i] = elements[(head + i) & (elements.length - 1)];
        }
        elements = bigger;
        head = 0;
    }
}
