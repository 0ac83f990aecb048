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
        return tcpPair(0);
    }

    /**
     * @param bufferBytes {@code SO_RCVBUF} and {@code SO_SNDBUF} of both ends, set before the
     *        connection exists (shrinking a receive buffer after the window was advertised stalls
     *        TCP), or 0 for the kernel's defaults
     * @return {client, server}: a connected TCP pair over 127.0.0.1, both non-blocking fds
     */
    public static int[] tcpPair(int bufferBytes) throws ErrnoException {
        int listener = NtySockets.socketFor(ipv4AnyPort(), NtySockets.SOCK_STREAM);
        try {
            NtySockets.setOption(listener, SockOpt.SO_REUSEADDR, 1);
            if (bufferBytes > 0) {
                NtySockets.setOption(listener, SockOpt.SO_RCVBUF, bufferBytes); // inherited on accept
                NtySockets.setOption(listener, SockOpt.SO_SNDBUF, bufferBytes);
            }
            NtySockets.bind(listener, ipv4AnyPort());
            NtySockets.listen(listener, 128);
            int client = NtySockets.socket(NtySockets.AF_INET, NtySockets.SOCK_STREAM, 0);
            if (bufferBytes > 0) {
                NtySockets.setOption(client, SockOpt.SO_RCVBUF, bufferBytes);
                NtySockets.setOption(client, SockOpt.SO_SNDBUF, bufferBytes);
            }
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
            if (fd < 0) {
                continue; // marked closed by the test
            }
            try {
                NtySockets.close(fd);
            } catch (ErrnoException ignored) {
                // already closed by the test
            }
        }
    }
}
