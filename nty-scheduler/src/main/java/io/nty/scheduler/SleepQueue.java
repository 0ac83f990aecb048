package io.nty.scheduler;

import java.util.Arrays;

/**
 * The sleep structure: NtyCo's {@code sleeping} red-black tree, as an indexed binary min-heap.
 *
 * <p>Ordered by (deadline, sleep sequence): equal deadlines wake in the order the coroutines went
 * to sleep (§3.3a). Each coroutine stores its own heap slot in {@code heapIndex}, so removing an
 * arbitrary sleeper (a waiter whose fd became ready before its timeout) is O(log n), as is
 * insertion. Invariants: {@code heap[i].heapIndex == i} for {@code i < size}, {@code -1} for
 * coroutines not in the heap; every parent orders before its children; slots at and past
 * {@code size} are {@code null}. Steady state allocates nothing: the array only grows.
 */
final class SleepQueue {

    private ScheduledCoroutine[] heap = new ScheduledCoroutine[16];
    private int size;

    /** Inserts {@code co}, whose {@code deadline} and {@code sleepSequence} are set. */
    void add(ScheduledCoroutine co) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        siftUp(size++, co);
    }

    /** {@return the sleeper that wakes first, or {@code null}} */
    ScheduledCoroutine peek() {
        return size == 0 ? null : heap[0];
    }

    /** {@return the sleeper that wakes first, removed, or {@code null}} */
    ScheduledCoroutine poll() {
        ScheduledCoroutine first = peek();
        if (first != null) {
            removeAt(0);
        }
        return first;
    }

    /** Removes {@code co} if it is in the queue. */
    void remove(ScheduledCoroutine co) {
        if (co.heapIndex >= 0) {
            removeAt(co.heapIndex);
        }
    }

    int size() {
        return size;
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
        ScheduledCoroutine removed = heap[index];
        removed.heapIndex = -1;
        ScheduledCoroutine last = heap[--size];
        heap[size] = null;
        if (index == size) {
            return;
        }
        siftDown(index, last);
        if (heap[index] == last) {
            siftUp(index, last);
        }
    }

    private void siftUp(int index, ScheduledCoroutine co) {
        while (index > 0) {
            int parent = (index - 1) >>> 1;
            ScheduledCoroutine p = heap[parent];
            if (!before(co, p)) {
                break;
            }
            place(index, p);
            index = parent;
        }
        place(index, co);
    }

    private void siftDown(int index, ScheduledCoroutine co) {
        int half = size >>> 1;
        while (index < half) {
            int child = 2 * index + 1;
            int right = child + 1;
            if (right < size && before(heap[right], heap[child])) {
                child = right;
            }
            if (!before(heap[child], co)) {
                break;
            }
            place(index, heap[child]);
            index = child;
        }
        place(index, co);
    }

    private void place(int index, ScheduledCoroutine co) {
        heap[index] = co;
        co.heapIndex = index;
    }

    private static boolean before(ScheduledCoroutine a, ScheduledCoroutine b) {
        return a.deadline < b.deadline
                || (a.deadline == b.deadline && a.sleepSequence < b.sleepSequence);
    }
}
