package io.nty.conformance.example;

import java.util.Arrays;

/**
 * {@link SimpleScheduler}'s ready queue: a growable ring buffer, as a C runtime would write it
 * (NtyCo uses a TAILQ; a ring is what most rewrites choose).
 *
 * <p>Invariants: elements {@code [head, head + size)} (mod capacity) are the queue in order;
 * other slots are {@code null}; the capacity is a power of two, 16 at first.
 *
 * @param <E> the element type
 */
final class ReadyRing<E> {

    private Object[] elements = new Object[16];
    private int head;
    private int size;
    /** {@link Fault#READY_RING_LOSES_ENTRIES_ON_GROWTH}: growing copies slots as if the head were 0. */
    private final boolean growsAsIfHeadWereZero;

    /** @param growsAsIfHeadWereZero the planted fault: see {@link Fault#READY_RING_LOSES_ENTRIES_ON_GROWTH} */
    ReadyRing(boolean growsAsIfHeadWereZero) {
        this.growsAsIfHeadWereZero = growsAsIfHeadWereZero;
    }

    void addLast(E e) {
        if (size == elements.length) {
            grow();
        }
        elements[(head + size) & (elements.length - 1)] = e;
        size++;
    }

    void addFirst(E e) {
        if (size == elements.length) {
            grow();
        }
        head = (head - 1) & (elements.length - 1);
        elements[head] = e;
        size++;
    }

    /** @return the head, removed, or {@code null} if empty */
    @SuppressWarnings("unchecked")
    E pollFirst() {
        if (size == 0) {
            return null;
        }
        E e = (E) elements[head];
        elements[head] = null;
        head = (head + 1) & (elements.length - 1);
        size--;
        return e;
    }

    /**
     * Takes back an element just added at either end (a suspension that queued it failed).
     *
     * @throws IllegalStateException if {@code e} is at neither end
     */
    void undoAdd(E e) {
        int tail = (head + size - 1) & (elements.length - 1);
        if (size > 0 && elements[tail] == e) {
            elements[tail] = null;
            size--;
        } else if (size > 0 && elements[head] == e) {
            pollFirst();
        } else {
            throw new IllegalStateException(e + " is at neither end of the ready queue");
        }
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
        Object[] bigger = new Object[elements.length * 2];
        for (int i = 0; i < size; i++) {
            bigger[i] = growsAsIfHeadWereZero ? elements[i] : elements[(head + i) & (elements.length - 1)];
        }
        elements = bigger;
        head = 0;
    }
}
