package io.nty.socket;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/** Loopback fixtures for tests: addresses and connected fd pairs made with the blocking hooks. */
public final class Loopback {

    private Loopback() {
    }

    /** @return 127.0.0.1 with port 0 (any free port) */
    public static InetSocketAddress ipv4AnyPort() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    }

    /** @return [::1] with port 0 */
    public static InetSocketAddress ipv6AnyPort() {
        try {
            return new InetSocketAddress(InetAddress.getByName("::1"), 0);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** @return a listening TCP fd on {@code address} */
    public static int listener(InetSocketAddress address) throws ErrnoException {
        int fd = NtySockets.socketFor(address, NtySockets.SOCK_STREAM);
        NtySockets.setOption(fd, SockOpt.SO_REUSEADDR, 1);
        NtySockets.bind(fd, address);
        NtySockets.listen(fd, 128);
        return fd;
    }

    /**
     * @return {client, server}: a connected TCP pair over 127.0.0.1, both non-blocking fds
     */
    public static int[] tcpPair() throws ErrnoException {
        int listener = listener(ipv4AnyPort());
        try {
            int client = NtySockets.socket(NtySockets.AF_INET, NtySockets.SOCK_STREAM, 0);
            // A loopback connect completes (or queues) without the listener accepting first.
            NtySockets.connect(client, NtySockets.localAddress(listener), 5_000);
            int server = NtySockets.accept(listener, 5_000);
            return new int[] {client, server};
        } finally {
            NtySockets.close(listener);
        }
    }

    /** Closes each fd, ignoring ones already closed. */
    public static void closeAll(int... fds) {
        for (int fd : fds) {
            try {
                NtySockets.close(fd);
            } catch (ErrnoException ignored) {
                // already closed by the test
            }
        }
    }
}
