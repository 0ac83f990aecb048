package io.nty.socket;

import io.nty.api.WaitTimeoutException;
import io.nty.sync.BlockingOffload;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.concurrent.ExecutionException;

/**
 * Connecting by host name: the name lookup is blocking JDK code ({@link InetAddress#getAllByName}),
 * so it runs on a {@link BlockingOffload} worker while only the calling coroutine waits; then
 * each address is tried in the order the resolver gave, with the non-blocking
 * {@link NtySockets#connect(int, InetSocketAddress, long)}, until one connects.
 */
final class HostConnector {

    private HostConnector() {
    }

    static int connect(String host, int port, BlockingOffload resolver, long timeoutMillis) throws IOException {
        Objects.requireNonNull(host, "host must not be null");
        Objects.requireNonNull(resolver, "resolver must not be null");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (timeoutMillis < 0) {
            throw new IllegalArgumentException("timeout must be >= 0 ms (0 = no limit), got " + timeoutMillis);
        }
        InetAddress[] addresses = resolve(host, resolver);
        long deadline = timeoutMillis == 0 ? 0 : System.nanoTime() + timeoutMillis * 1_000_000L;
        IOException last = null;
        for (InetAddress address : addresses) {
            long remaining = remainingMillis(deadline, host, port);
            InetSocketAddress target = new InetSocketAddress(address, port);
            int fd = NtySockets.socketFor(target, NtySockets.SOCK_STREAM);
            try {
                NtySockets.connect(fd, target, remaining);
                return fd;
            } catch (ErrnoException e) {
                closeQuietly(fd, e);
                last = e; // e.g. ECONNREFUSED on ::1 while 127.0.0.1 listens: try the next address
            } catch (RuntimeException | Error e) {
                closeQuietly(fd, e);
                throw e;
            }
        }
        throw last;
    }

    private static InetAddress[] resolve(String host, BlockingOffload resolver) throws UnknownHostException {
        try {
            return resolver.call(() -> InetAddress.getAllByName(host));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownHostException u) {
                throw u;
            }
            UnknownHostException u = new UnknownHostException("cannot resolve " + host + ": " + e.getCause());
            u.initCause(e.getCause());
            throw u;
        }
    }

    private static long remainingMillis(long deadline, String host, int port) {
        if (deadline == 0) {
            return 0;
        }
        long left = (deadline - System.nanoTime()) / 1_000_000L;
        if (left <= 0) {
            throw new WaitTimeoutException("connecting to " + host + ":" + port + " timed out");
        }
        return left;
    }

    private static void closeQuietly(int fd, Throwable cause) {
        try {
            NtySockets.close(fd);
        } catch (ErrnoException e) {
            cause.addSuppressed(e);
        }
    }
}
