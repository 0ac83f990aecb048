package io.nty.socket.jdk;

import io.nty.api.FdBusyException;
import io.nty.socket.ErrnoException;
import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;

/**
 * Translates nty-socket's failures into the exception types and messages {@code java.net}
 * documents, so that unmodified clients (which catch {@link ConnectException}, compare
 * "Connection reset", ...) see what the JDK's own implementation would have thrown. The nty
 * exception stays attached as the cause, so the errno name (§4.5) is never lost.
 */
final class JdkExceptions {

    private JdkExceptions() {
    }

    /**
     * {@return the JDK's exception for it, with {@code e} as the cause}
     *
     * @param e a failed syscall
     */
    static IOException translate(ErrnoException e) {
        IOException jdk = switch (e.errnoName()) {
            case "ECONNREFUSED" -> new ConnectException("Connection refused");
            case "ETIMEDOUT" -> new ConnectException("Connection timed out");
            case "EHOSTUNREACH" -> new NoRouteToHostException("No route to host");
            case "ENETUNREACH" -> new NoRouteToHostException("Network is unreachable");
            case "EADDRINUSE" -> new BindException("Address already in use");
            case "EADDRNOTAVAIL" -> new BindException("Cannot assign requested address");
            case "ECONNRESET" -> new SocketException("Connection reset");
            case "EPIPE" -> new SocketException("Broken pipe");
            case "EBADF" -> new SocketException("Socket closed");
            case "ENOTCONN" -> new SocketException("Socket is not connected");
            default -> new SocketException(e.getMessage());
        };
        jdk.initCause(e);
        return jdk;
    }

    /** {@return the JDK's "Socket closed", caused by {@code cause} (a close that woke a waiter, §4.3)} */
    static SocketException closed(Throwable cause) {
        SocketException e = new SocketException("Socket closed");
        e.initCause(cause);
        return e;
    }

    /**
     * A second coroutine tried to read (or write) a socket another coroutine already waits on:
     * the JDK would queue it behind a lock; nty refuses at once (§4.1).
     */
    static SocketException busy(String operation, FdBusyException cause) {
        SocketException e = new SocketException(operation + ": another coroutine already waits to "
                + operation + " this socket (§4.1: one reader and one writer at a time; give each"
                + " coroutine its own connection, e.g. from a pool): " + cause.getMessage());
        e.initCause(cause);
        return e;
    }
}
