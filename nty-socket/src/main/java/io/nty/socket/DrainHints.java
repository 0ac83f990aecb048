package io.nty.socket;

import java.util.Arrays;

/**
 * Remembers, per thread and fd, that the last {@code recv} on a stream fd came back short — so
 * the kernel's receive queue was empty at that moment — and the next {@code recv} should wait
 * before trying instead of paying a syscall that would almost surely answer {@code EAGAIN}.
 *
 * <p>Only a cost hint, never a correctness input: every wait it causes re-checks readiness at
 * the level (the epoll poller's {@code EPOLL_CTL_MOD} re-arm and {@code poll(2)} both report data
 * that is already queued), so a wrong hint costs one wait, not a lost wakeup. The hint of an fd
 * is cleared when the hooks close it, so a reused fd number starts with "try first".
 */
final class DrainHints {

    private static final ThreadLocal<DrainHints> CURRENT = ThreadLocal.withInitial(DrainHints::new);

    private byte[] drained = new byte[256];

    private DrainHints() {
    }

    /** {@return the calling thread's hints} */
    static DrainHints current() {
        return CURRENT.get();
    }

    /** {@return whether the last receive on {@code fd} emptied the kernel queue} */
    boolean isDrained(int fd) {
        return fd < drained.length && drained[fd] != 0;
    }

    /**
     * Records the outcome of a receive.
     *
     * @param requested the bytes asked for
     * @param received the bytes the kernel returned ({@code > 0})
     */
    void received(int fd, long requested, long received) {
        boolean empty = received < requested;
        if (fd >= drained.length) {
            if (!empty) {
                return;
            }
            drained = Arrays.copyOf(drained, Math.max(fd + 1, drained.length * 2));
        }
        drained[fd] = (byte) (empty ? 1 : 0);
    }

    /** Forgets {@code fd}: after {@code EAGAIN}, end of stream, or before it is closed. */
    void clear(int fd) {
        if (fd < drained.length) {
            drained[fd] = 0;
        }
    }
}
