package io.nty.conformance.reference;

import io.nty.conformance.jvm.FdPlacement;
import jnr.ffi.LibraryLoader;

/**
 * The fd placement the real-fd runs use when this module is on the class path (registered with
 * {@link java.util.ServiceLoader}): {@code fcntl(fd, F_DUPFD_CLOEXEC, atLeast)} through jnr-ffi,
 * which returns the lowest free fd at or above {@code atLeast} — {@code dup2} without having to
 * pick a number nobody uses. Where libc cannot be loaded (not Linux), every call returns -1 and
 * the socket pairs keep their kernel numbers.
 */
public final class LibcFdPlacement implements FdPlacement {

    /** Linux's {@code F_DUPFD_CLOEXEC}. */
    private static final int F_DUPFD_CLOEXEC = 1030;

    /** The two libc calls, bound by jnr-ffi. */
    public interface Fcntl {
        /**
         * @param fd the fd
         * @param cmd the command
         * @param arg its argument
         * @return the result, -1 on failure
         */
        int fcntl(int fd, int cmd, int arg);

        /**
         * @param fd the fd
         * @return 0, or -1 on failure
         */
        int close(int fd);
    }

    private static final Fcntl LIBC = load();

    /** For {@link java.util.ServiceLoader}. */
    public LibcFdPlacement() {
    }

    private static Fcntl load() {
        try {
            return LibraryLoader.create(Fcntl.class).load("c");
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    @Override
    public int duplicateAtOrAbove(int fd, int atLeast) {
        return LIBC == null ? -1 : LIBC.fcntl(fd, F_DUPFD_CLOEXEC, atLeast);
    }

    @Override
    public void close(int fd) {
        if (LIBC != null && LIBC.close(fd) != 0) {
            throw new IllegalStateException("close(" + fd + ") of a placed duplicate failed");
        }
    }
}
