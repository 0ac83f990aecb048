package io.nty.socket;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * A UDP socket over the hooks: {@link #receive} suspends the calling coroutine until a datagram
 * arrives, or blocks outside a coroutine (§3.6).
 */
public final class NtyDatagramSocket extends FdSocket<NtyDatagramSocket> {

    private NtyDatagramSocket(int fd) {
        super(fd);
    }

    /**
     * Opens a UDP socket bound to {@code address}.
     *
     * @param address a resolved IPv4 or IPv6 address; port 0 picks a free port
     * @return the socket
     * @throws ErrnoException e.g. {@code EADDRINUSE}
     */
    public static NtyDatagramSocket bind(InetSocketAddress address) throws IOException {
        NtyDatagramSocket socket = new NtyDatagramSocket(NtySockets.socketFor(address, NtySockets.SOCK_DGRAM));
        return setUp(socket, fd -> NtySockets.bind(fd, address));
    }

    /**
     * Sends {@code src}'s remaining bytes as one datagram.
     *
     * @param src the bytes to send (position to limit), heap or direct
     * @param target the datagram's destination
     * @return the bytes sent
     * @throws ErrnoException e.g. {@code EMSGSIZE}
     */
    public int send(ByteBuffer src, InetSocketAddress target) throws IOException {
        return NtySockets.sendto(handle.fd(), src, target, timeoutMillis);
    }

    /**
     * Receives one datagram into {@code dst} (truncated if it does not fit).
     *
     * @param dst the buffer to receive into, heap or direct
     * @return the sender's address
     * @throws IOException an {@link ErrnoException} naming the errno, or
     *         {@link java.nio.channels.ClosedChannelException} after {@link #close()}
     * @throws io.nty.api.WaitTimeoutException if nothing arrived within the timeout
     */
    public InetSocketAddress receive(ByteBuffer dst) throws IOException {
        return NtySockets.recvfrom(handle.fd(), dst, timeoutMillis);
    }
}
