package io.nty.socket;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;

/**
 * A connected TCP socket over the hooks: inside a coroutine its reads, writes and connect suspend
 * the coroutine; outside one they block (§3.6). Works with heap and direct {@link ByteBuffer}s.
 *
 * <p>As a {@link ByteChannel}, {@link #read} returns {@code -1} at end of stream (the fd-level
 * {@link NtySockets#recv} returns NtyCo's {@code 0}), and {@link #write} writes the whole buffer.
 * Not thread-safe: a socket belongs to the coroutine (or thread) that uses it. Timeouts: a
 * per-socket {@link #timeoutMillis(long)} applies to every call, {@code 0} (the default) = none.
 */
public final class NtySocket extends FdSocket<NtySocket> implements ByteChannel {

    private NtySocket(int fd) {
        super(fd);
    }

    /**
     * Wraps a connected, non-blocking fd (e.g. from {@link NtySockets#accept}); the socket owns
     * it from now on.
     *
     * @param fd a connected TCP fd
     * @return the socket
     */
    public static NtySocket wrap(int fd) {
        if (fd < 0) {
            throw new IllegalArgumentException("invalid fd " + fd);
        }
        return new NtySocket(fd);
    }

    /**
     * Connects to {@code address} with {@code TCP_NODELAY} on.
     *
     * @param address a resolved IPv4 or IPv6 address
     * @param timeoutMillis 0 for no limit
     * @return the connected socket
     * @throws ErrnoException e.g. {@code ECONNREFUSED}
     * @throws io.nty.api.WaitTimeoutException if the connection did not complete in time
     */
    public static NtySocket connect(InetSocketAddress address, long timeoutMillis) throws IOException {
        NtySocket socket = new NtySocket(NtySockets.socketFor(address, NtySockets.SOCK_STREAM));
        return setUp(socket, fd -> {
            NtySockets.setOption(fd, SockOpt.TCP_NODELAY, 1);
            NtySockets.connect(fd, address, timeoutMillis);
        });
    }

    /**
     * Reads what is available into {@code dst}, waiting only if nothing is.
     *
     * @return the bytes read, or {@code -1} at end of stream
     * @throws ErrnoException e.g. {@code ECONNRESET}
     * @throws java.nio.channels.ClosedChannelException if this socket is closed
     */
    @Override
    public int read(ByteBuffer dst) throws IOException {
        int n = NtySockets.recv(handle.fd(), dst, timeoutMillis);
        return n == 0 ? -1 : n;
    }

    /**
     * Writes all of {@code src}, waiting whenever the socket buffer is full.
     *
     * @return the bytes written: all that remained in {@code src}
     * @throws ErrnoException e.g. {@code EPIPE}, {@code ECONNRESET}
     */
    @Override
    public int write(ByteBuffer src) throws IOException {
        return NtySockets.send(handle.fd(), src, timeoutMillis);
    }

    /**
     * Half-closes: the peer reads end of stream, this side can still read.
     *
     * @throws IOException if the system call fails, naming the errno
     */
    public void shutdownOutput() throws IOException {
        NtySockets.shutdown(handle.fd(), NtySockets.SHUT_WR);
    }

    /**
     * Sets an integer socket option; see {@link SockOpt}.
     *
     * @param option the option
     * @param value its value
     * @return this socket
     * @throws IOException if the system call fails, naming the errno
     */
    public NtySocket option(SockOpt option, int value) throws IOException {
        NtySockets.setOption(handle.fd(), option, value);
        return this;
    }

    /**
     * {@return the peer's address}
     * @throws IOException if the system call fails, naming the errno
     */
    public InetSocketAddress remoteAddress() throws IOException {
        return NtySockets.remoteAddress(handle.fd());
    }
}
