package io.nty.conformance.example;

import java.util.Arrays;

/**
 * {@link SimpleScheduler}'s sleep structure: an indexed binary min-heap of sleepers and timed
 * waiters, ordered by (deadline, order of suspending) (§3.3 step (a)). Each entry knows its slot,
 * so a waiter woken before its timeout leaves from the middle in O(log n).
 *
 * <p>Invariants: {@code heap[i].heapIndex == i} below {@code size}, {@code -1} for entries not in
 * the heap; every parent orders before its children.
 */
final class TimerHeap {

    /** What the heap holds: a deadline, a tie-breaking sequence, and its own slot. */
    abstract static class Entry {
        long deadline;
        long seq;
        int heapIndex = -1;
    }

    private Entry[] heap = new Entry[16];
    private int size;
    /** {@link Fault#EQUAL_DEADLINES_LIFO}: ties go to the newest. */
    private final boolean newestFirstOnTies;
    /** {@link Fault#TIMER_HEAP_REMOVE_DOES_NOT_SIFT_UP}: removing from the middle only sifts down. */
    private final boolean removeSiftsDownOnly;

    /**
     * @param newestFirstOnTies the planted fault {@link Fault#EQUAL_DEADLINES_LIFO}
     * @param removeSiftsDownOnly the planted fault {@link Fault#TIMER_HEAP_REMOVE_DOES_NOT_SIFT_UP}
     */
    TimerHeap(boolean newestFirstOnTies, boolean removeSiftsDownOnly) {
        this.newestFirstOnTies = newestFirstOnTies;
        this.removeSiftsDownOnly = removeSiftsDownOnly;
    }

    void add(Entry e) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        siftUp(size++, e);
    }

    /** @return the entry that is due first, or {@code null} */
    Entry peek() {
        return size == 0 ? null : heap[0];
    }

    /** @return the entry that is due first, removed, or {@code null} */
    Entry poll() {
        Entry first = peek();
        if (first != null) {
            removeAt(0);
        }
        return first;
    }

    /** Removes {@code e} if it is in the heap. */
    void remove(Entry e) {
        if (e.heapIndex >= 0) {
            removeAt(e.heapIndex);
        }
    }

    boolean isEmpty() {
        return size == 0;
    }

    void clear() {
        for (int i = 0; i < size; i++) {
            heap[i].heapIndex = -1;
            heap[i] = null;
        }
        size = 0;
    }

    private void removeAt(int index) {
        heap[index].heapIndex = -1;
        Entry last = heap[--size];
        heap[size] = null;
        if (index == size) {
            return;
        }
        siftDown(index, last);
        if (!removeSiftsDownOnly && heap[index] == last) {
            siftUp(index, last);
        }
    }

    private void siftUp(int index, Entry e) {
        while (index > 0) {
            int parent = (index - 1) >>> 1;
            if (!before(e, heap[parent])) {
                break;
            }
            place(index, heap[parent]);
            index = parent;
        }
        place(index, e);
    }

    private void siftDown(int index, Entry e) {
        while (2 * index + 1 < size) {
            int child = 2 * index + 1;
            if (child + 1 < size && before(heap[child + 1], heap[child])) {
                child++;
            }
            if (!before(heap[child], e)) {
                break;
            }
            place(index, heap[child]);
            index = child;
        }
        place(index, e);
    }

    private void place(int index, Entry e) {
        heap[index] = e;
        e.heapIndex = index;
    }

    private boolean before(Entry a, Entry b) {
        if (a.deadline != b.deadline) {
            return a.deadline < b.deadline;
        }
        return newestFirstOnTies ? a.seq > b.seq : a.seq < b.seq;
    }
}
