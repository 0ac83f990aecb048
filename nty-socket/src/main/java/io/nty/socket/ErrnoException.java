package io.nty.socket;

import io.nty.socket.internal.LibC;
import java.io.IOException;
import jnr.constants.platform.Errno;

/**
 * A socket call failed with an {@code errno} (§4.5): the exception carries the number, its name
 * ({@code ECONNRESET}, {@code EPIPE}, {@code ECONNREFUSED}, {@code EMFILE}, {@code EBADF}, ...),
 * the call and the fd, and its message reads like
 * {@code recv(fd=7): ECONNRESET (Connection reset by peer)}.
 *
 * <p>Names come from jnr-constants for the running platform; a number it does not know is named
 * {@code errno <n>}.
 */
public class ErrnoException extends IOException {

    private static final long serialVersionUID = 1L;

    /** The errno number. */
    private final int errno;
    /** Its symbolic name, e.g. {@code ECONNRESET}. */
    private final String errnoName;
    /** The failing call, e.g. {@code recv}. */
    private final String call;
    /** The fd the call was made on, or -1. */
    private final int fd;

    /**
     * Creates the exception; its message names the call, the fd and the errno.
     *
     * @param call the failing call, e.g. {@code "recv"}
     * @param fd the fd it was made on, or {@code -1} if none
     * @param errno the errno it failed with
     */
    public ErrnoException(String call, int fd, int errno) {
        super(message(call, fd, errno));
        this.errno = errno;
        this.errnoName = nameOf(errno);
        this.call = call;
        this.fd = fd;
    }

    /** {@return the errno number, e.g. 104} */
    public int errno() {
        return errno;
    }

    /** {@return the errno name, e.g. {@code "ECONNRESET"}} */
    public String errnoName() {
        return errnoName;
    }

    /** {@return the failing call, e.g. {@code "recv"}} */
    public String call() {
        return call;
    }

    /** {@return the fd the call was made on, or {@code -1}} */
    public int fd() {
        return fd;
    }

    /**
     * {@return its symbolic name on this platform, e.g. {@code "EPIPE"}, or {@code "errno <n>"}}
     *
     * @param errno an errno number
     */
    public static String nameOf(int errno) {
        Errno e = Errno.valueOf(errno);
        return e != null && e.defined() ? e.name() : "errno " + errno;
    }

    private static String message(String call, int fd, int errno) {
        Errno e = Errno.valueOf(errno);
        String description = e != null && e.defined() ? e.description() : "unknown error";
        String where = fd >= 0 ? call + "(fd=" + fd + ")" : call;
        String hint = errno == LibC.EBADF ? " — the fd is closed or was never open" : "";
        return where + ": " + nameOf(errno) + " (" + description + ")" + hint;
    }
}
