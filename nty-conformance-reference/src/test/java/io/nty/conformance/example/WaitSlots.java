package io.nty.conformance.example;

import java.util.Arrays;

/**
 * {@link SimpleScheduler}'s wait table: one slot per fd, in an array indexed by the fd and grown
 * to fit (fds are small dense integers, so this beats a hash map), holding the fd's one waiter
 * in one direction (§4.1; {@link SimpleScheduler} keeps one table of readers and one of writers).
 *
 * @param <E> the waiter type
 */
final class WaitSlots<E> {

    private Object[] byFd = new Object[64];
    private int count;
    /** {@link Fault#WAIT_TABLE_MASKS_FD_TO_64_SLOTS}: the table never grows and indexes by the fd's low six bits. */
    private final boolean masked;

    /** @param masked the planted fault: see {@link Fault#WAIT_TABLE_MASKS_FD_TO_64_SLOTS} */
    WaitSlots(boolean masked) {
        this.masked = masked;
    }

    /** @return the waiter on {@code fd}, or {@code null} */
    @SuppressWarnings("unchecked")
    E get(int fd) {
        int i = slot(fd);
        return i < byFd.length ? (E) byFd[i] : null;
    }

    /** Records {@code e} as the waiter on {@code fd}, replacing any other. */
    void put(int fd, E e) {
        int i = slot(fd);
        if (i >= byFd.length) {
            byFd = Arrays.copyOf(byFd, Math.max(i + 1, byFd.length * 2));
        }
        if (byFd[i] == null) {
            count++;
        }
        byFd[i] = e;
    }

    /**
     * Removes {@code e} from {@code fd}'s slot if the slot still holds it: a waiter that ends must
     * not free a slot another coroutine has taken since (or, under the masked fault, that another
     * fd's waiter shares).
     */
    void remove(int fd, E e) {
        int i = slot(fd);
        if (i < byFd.length && byFd[i] == e && e != null) {
            byFd[i] = null;
            count--;
        }
    }

    /** Removes the waiter on {@code fd}, if any. */
    void remove(int fd) {
        int i = slot(fd);
        if (i < byFd.length && byFd[i] != null) {
            byFd[i] = null;
            count--;
        }
    }

    boolean isEmpty() {
        return count == 0;
    }

    void clear() {
        Arrays.fill(byFd, null);
        count = 0;
    }

    private int slot(int fd) {
        return masked ? fd & 63 : fd;
    }
}
