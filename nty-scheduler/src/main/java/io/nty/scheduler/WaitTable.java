package io.nty.scheduler;

import java.util.Arrays;

/**
 * The wait table: NtyCo's {@code waiting} tree keyed by fd, as an array indexed by fd.
 *
 * <p>File descriptors are small dense integers, so a direct-indexed array gives O(1) lookup with
 * no hashing and no boxing. Holds at most one waiter per fd (§4.1): {@link #put} refuses a second.
 * Invariant: {@code count} equals the number of non-null slots.
 */
final class WaitTable {

    private ScheduledCoroutine[] byFd = new ScheduledCoroutine[64];
    private int count;

    /** {@return the coroutine waiting on {@code fd}, or {@code null}} */
    ScheduledCoroutine get(int fd) {
        return fd < byFd.length ? byFd[fd] : null;
    }

    /**
     * Records {@code co} as the waiter on {@code fd}.
     *
     * @throws IllegalStateException if {@code fd} already has a waiter
     */
    void put(int fd, ScheduledCoroutine co) {
        if (fd >= byFd.length) {
            byFd = Arrays.copyOf(byFd, Math.max(fd + 1, byFd.length * 2));
        }
        if (byFd[fd] != null) {
            throw new IllegalStateException("fd " + fd + " already has a waiter: " + byFd[fd]);
        }
        byFd[fd] = co;
        count++;
    }

    /** {@return the waiter removed from {@code fd}, or {@code null} if there was none} */
    ScheduledCoroutine remove(int fd) {
        ScheduledCoroutine co = get(fd);
        if (co != null) {
            byFd[fd] = null;
            count--;
        }
        return co;
    }

    int size() {
        return count;
    }

    void clear() {
        Arrays.fill(byFd, null);
        count = 0;
    }
}
