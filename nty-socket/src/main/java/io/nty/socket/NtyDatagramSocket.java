package io.nty.socket;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * A UDP socket over the hooks: {@link #receive} suspends the calling coroutine until a datagram
 * arrives, or blocks outside a coroutine (§3.6).
 */
public final class NtyDatagramSocket implements AutoCloseable {

    private final FdHandle handle;
    private long timeoutMillis;

    private NtyDatagramSocket(int fd) {
        this.handle = new FdHandle(fd);
    }

    /**
     * Opens a UDP socket bound to {@code address}.
     *
     * @param address a resolved IPv4 or IPv6 address; port 0 picks a free port
     * @return the socket
     * @throws ErrnoException e.g. {@code EADDRINUSE}
     */
    public static NtyDatagramSocket bind(InetSocketAddress address) throws IOException {
        int fd = NtySockets.socketFor(address, NtySockets.SOCK_DGRAM);
        NtyDatagramSocket socket = new NtyDatagramSocket(fd);
        try {
            NtySockets.bind(fd, address);
        } catch (IOException | RuntimeException e) {
            socket.handle.closeAfter(e);
            throw e;
        }
        return socket;
    }

    /**
     * Sets the time limit of each later call.
     *
     * @param millis 0 for no limit
     * @return this socket
     */
    public NtyDatagramSocket timeoutMillis(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("timeout must be >= 0 ms (0 = no limit): " + millis);
        }
        this.timeoutMillis = millis;
        return this;
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

    /**
     * @return the bound address, with the port the kernel chose
     * @throws IOException if the system call fails, naming the errno
     */
    public InetSocketAddress localAddress() throws IOException {
        return NtySockets.localAddress(handle.fd());
    }

    /** @return the fd, for the fd-level hooks */
    public int fd() {
        return handle.number();
    }

    /** @return whether the socket is open */
    public boolean isOpen() {
        return handle.isOpen();
    }

    /** Closes the socket, waking a coroutine blocked in {@link #receive} (§4.3); idempotent. */
    @Override
    public void close() throws IOException {
        handle.close();
    }

    @Override
    public String toString() {
        return "NtyDatagramSocket[fd=" + handle.number() + (handle.isOpen() ? "" : ", closed") + "]";
    }
}
