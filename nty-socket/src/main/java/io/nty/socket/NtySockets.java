package io.nty.socket;

import io.nty.api.IoEvents;
import io.nty.api.Scheduler;
import io.nty.api.WaitTimeoutException;
import io.nty.api.spi.SchedulerBinding;
import io.nty.socket.epoll.EpollPoller;
import io.nty.socket.internal.LibC;
import io.nty.socket.internal.NativeLibC;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * The fd-level socket hooks: NtyCo's {@code nty_socket}, {@code nty_accept}, {@code nty_recv},
 * {@code nty_send}, ... as static methods on plain {@code int} fds.
 *
 * <h2>Two worlds, one fd</h2>
 * Every fd these hooks create is non-blocking ({@code SOCK_NONBLOCK|SOCK_CLOEXEC}). A hook first
 * tries its syscall; only when the kernel answers {@code EAGAIN} does it wait for readiness, then
 * it retries (NtyCo waits first and pays the epoll calls even when data is already there).
 * <ul>
 *   <li>Inside a coroutine the wait is {@link Scheduler#await}: the coroutine suspends and the
 *       scheduler thread runs others — the hooks never block it (§4.4). One coroutine may wait
 *       to read an fd while another waits to write it — a {@code recv} and a {@code send} on one
 *       socket from two coroutines, as a proxy's pumps do — but a second reader or a second
 *       writer gets {@link io.nty.api.FdBusyException} (§4.1).</li>
 *   <li>Outside any coroutine (no scheduler on the thread, or called between coroutines) the
 *       wait is a plain {@code poll(2)}: the hooks behave as ordinary blocking calls (§3.6).</li>
 * </ul>
 * An fd made elsewhere must be switched to non-blocking with {@link #setNonBlocking} before it is
 * given to these hooks, or a hook would block the thread inside its syscall.
 *
 * <h2>Timeouts</h2>
 * Calls that may wait take {@code timeoutMillis}: {@code 0} means no limit, a positive value
 * bounds the whole call (all its waits together); when it passes the call throws
 * {@link WaitTimeoutException}. The overloads without it wait without limit.
 *
 * <h2>Errors</h2>
 * A failed syscall throws {@link ErrnoException} naming the call, the fd and the errno
 * ({@code ECONNRESET}, {@code EPIPE}, {@code ECONNREFUSED}, {@code EMFILE}, {@code EBADF}: a
 * closed or never-opened fd). A wait that another coroutine ends by closing the fd throws
 * {@link io.nty.api.FdClosedException} (§4.3). Bad arguments throw
 * {@link IllegalArgumentException} or {@link NullPointerException}.
 */
public final class NtySockets {

    /** IPv4 ({@code AF_INET}). */
    public static final int AF_INET = LibC.AF_INET;
    /** IPv6 ({@code AF_INET6}). */
    public static final int AF_INET6 = LibC.AF_INET6;
    /** A TCP stream socket ({@code SOCK_STREAM}). */
    public static final int SOCK_STREAM = LibC.SOCK_STREAM;
    /** A UDP datagram socket ({@code SOCK_DGRAM}). */
    public static final int SOCK_DGRAM = LibC.SOCK_DGRAM;
    /** {@link #shutdown}: no more receptions. */
    public static final int SHUT_RD = LibC.SHUT_RD;
    /** {@link #shutdown}: no more transmissions; the peer reads end of stream. */
    public static final int SHUT_WR = LibC.SHUT_WR;
    /** {@link #shutdown}: both. */
    public static final int SHUT_RDWR = LibC.SHUT_RDWR;

    private static final int NO_WAIT_LIMIT = 0;
    /**
     * The most bytes one syscall moves from or to a heap buffer: jnr-ffi copies a heap buffer's
     * whole remaining region through native memory on every call, and a socket buffer rarely
     * takes or holds more than this anyway.
     */
    static final int HEAP_CHUNK = 256 * 1024;

    private NtySockets() {
    }

    /** {@return whether the hooks work here (Linux), without throwing} */
    public static boolean isAvailable() {
        return NativeLibC.isAvailable();
    }

    // ------------------------------------------------------------------ creation and naming

    /**
     * Creates a non-blocking, close-on-exec socket: {@code nty_socket}.
     *
     * @param domain {@link #AF_INET} or {@link #AF_INET6}
     * @param type {@link #SOCK_STREAM} or {@link #SOCK_DGRAM}
     * @param protocol 0 for the default
     * @return the new fd
     * @throws ErrnoException if the kernel refuses, e.g. {@code EMFILE}
     */
    public static int socket(int domain, int type, int protocol) throws ErrnoException {
        if (domain != AF_INET && domain != AF_INET6) {
            throw new IllegalArgumentException("domain must be AF_INET (2) or AF_INET6 (10): " + domain);
        }
        if (type != SOCK_STREAM && type != SOCK_DGRAM) {
            throw new IllegalArgumentException("type must be SOCK_STREAM (1) or SOCK_DGRAM (2): " + type);
        }
        int fd = libc().socket(domain, type | LibC.SOCK_NONBLOCK | LibC.SOCK_CLOEXEC, protocol);
        return check(fd, "socket", -1);
    }

    /**
     * Creates a non-blocking socket whose family matches {@code address}.
     *
     * @param address the address it will bind or connect to
     * @param type {@link #SOCK_STREAM} or {@link #SOCK_DGRAM}
     * @return the new fd
     * @throws ErrnoException if the kernel refuses
     */
    public static int socketFor(InetSocketAddress address, int type) throws ErrnoException {
        return socket(SocketAddresses.family(address), type, 0);
    }

    /**
     * Binds {@code fd} to a local address: {@code bind(2)}. Port 0 picks a free port; read it
     * back with {@link #localAddress}.
     *
     * @param fd the socket fd
     * @param address a resolved IPv4 or IPv6 address
     * @throws ErrnoException e.g. {@code EADDRINUSE}, {@code EBADF}
     */
    public static void bind(int fd, InetSocketAddress address) throws ErrnoException {
        checkFd(fd);
        byte[] sa = SocketAddresses.encode(address);
        check(libc().bind(fd, sa, sa.length), "bind", fd);
    }

    /**
     * Marks {@code fd} as listening: {@code listen(2)}.
     *
     * @param fd the socket fd
     * @param backlog the accept queue length
     * @throws ErrnoException e.g. {@code EBADF}, {@code EOPNOTSUPP} for a UDP socket
     */
    public static void listen(int fd, int backlog) throws ErrnoException {
        checkFd(fd);
        check(libc().listen(fd, backlog), "listen", fd);
    }

    /**
     * {@return the local address of {@code fd} ({@code getsockname})}
     *
     * @param fd the socket fd
     * @throws ErrnoException if the system call fails, naming the errno
     */
    public static InetSocketAddress localAddress(int fd) throws ErrnoException {
        checkFd(fd);
        byte[] sa = new byte[SocketAddresses.MAX_LENGTH];
        int[] len = {sa.length};
        check(libc().getsockname(fd, sa, len), "getsockname", fd);
        return SocketAddresses.decode(sa, len[0]);
    }

    /**
     * {@return the peer address of a connected {@code fd} ({@code getpeername})}
     *
     * @param fd the socket fd
     * @throws ErrnoException if the system call fails, naming the errno
     */
    public static InetSocketAddress remoteAddress(int fd) throws ErrnoException {
        checkFd(fd);
        byte[] sa = new byte[SocketAddresses.MAX_LENGTH];
        int[] len = {sa.length};
        check(libc().getpeername(fd, sa, len), "getpeername", fd);
        return SocketAddresses.decode(sa, len[0]);
    }

    // ------------------------------------------------------------------ connections

    /**
     * {@link #accept(int, long)} without a time limit.
     *
     * @param fd the socket fd
     * @return as the variant with a time limit
     * @throws ErrnoException if the system call fails, naming the errno
     */
    public static int accept(int fd) throws ErrnoException {
        return accept(fd, NO_WAIT_LIMIT);
    }

    /**
     * Accepts a connection: {@code nty_accept}. The new fd is non-blocking and close-on-exec
     * ({@code accept4} with {@code SOCK_NONBLOCK|SOCK_CLOEXEC}, §4.5).
     *
     * @param fd a listening socket
     * @param timeoutMillis 0 for no limit
     * @return the connected fd
     * @throws ErrnoException e.g. {@code EMFILE}, {@code EINVAL} (not listening), {@code EBADF}
     * @throws WaitTimeoutException if no connection arrived in time
     */
    public static int accept(int fd, long timeoutMillis) throws ErrnoException {
        checkFd(fd);
        long deadline = Readiness.deadline(timeoutMillis);
        LibC libc = libc();
        for (;;) {
            int conn = libc.accept4(fd, null, null, LibC.SOCK_NONBLOCK | LibC.SOCK_CLOEXEC);
            if (conn >= 0) {
                return conn;
            }
            int errno = NativeLibC.errno();
            // ECONNABORTED: a connection died in the queue; the next one may be fine.
            if (errno == LibC.EAGAIN) {
                Readiness.await(fd, IoEvents.READ, deadline, "accept");
            } else if (errno != LibC.EINTR && errno != LibC.ECONNABORTED) {
                throw new ErrnoException("accept", fd, errno);
            }
        }
    }

    /**
     * {@link #connect(int, InetSocketAddress, long)} without a time limit.
     *
     * @param fd the socket fd
     * @param address a resolved IPv4 or IPv6 address
     * @throws ErrnoException if the system call fails, naming the errno
     */
    public static void connect(int fd, InetSocketAddress address) throws ErrnoException {
        connect(fd, address, NO_WAIT_LIMIT);
    }

    /**
     * Connects {@code fd}: {@code nty_connect}. A TCP connect that cannot finish at once waits
     * for writability, then reads the outcome from {@code SO_ERROR}.
     *
     * @param fd the socket fd
     * @param address a resolved IPv4 or IPv6 address
     * @param timeoutMillis 0 for no limit
     * @throws ErrnoException e.g. {@code ECONNREFUSED}, {@code ENETUNREACH}, {@code EBADF}
     * @throws WaitTimeoutException if the connection did not complete in time
     */
    public static void connect(int fd, InetSocketAddress address, long timeoutMillis)
            throws ErrnoException {
        checkFd(fd);
        byte[] sa = SocketAddresses.encode(address);
        long deadline = Readiness.deadline(timeoutMillis);
        int errno;
        do {
            if (libc().connect(fd, sa, sa.length) == 0) {
                return;
            }
            errno = NativeLibC.errno();
        } while (errno == LibC.EINTR);
        if (errno != LibC.EINPROGRESS) {
            throw new ErrnoException("connect", fd, errno);
        }
        Readiness.await(fd, IoEvents.WRITE, deadline, "connect");
        int error = getOption(fd, SockOpt.SO_ERROR);
        if (error != 0) {
            throw new ErrnoException("connect", fd, error);
        }
    }

    /**
     * Connects a new TCP socket to {@code host}, resolving the name through {@code resolver}:
     * inside a coroutine only the caller waits for the lookup (the scheduler thread runs the
     * other coroutines), outside one the lookup blocks as the hooks do (§3.6). The addresses
     * are tried in the resolver's order until one connects.
     *
     * @param host a host name ({@code localhost}) or an address literal
     * @param port the port
     * @param resolver the worker pool the lookup runs on
     * @param timeoutMillis bounds the connects, 0 for no limit; the lookup is bounded by the
     *        system resolver's own timeouts
     * @return the connected, non-blocking fd, owned by the caller
     * @throws java.net.UnknownHostException if the name does not resolve
     * @throws ErrnoException the last address's failure, e.g. {@code ECONNREFUSED}
     * @throws java.util.concurrent.RejectedExecutionException if the resolver's pool is full
     * @throws WaitTimeoutException if the time limit passed
     * @throws IOException for the failures above
     */
    public static int connect(String host, int port, io.nty.sync.BlockingOffload resolver, long timeoutMillis)
            throws IOException {
        return HostConnector.connect(host, port, resolver, timeoutMillis);
    }

    // ------------------------------------------------------------------ stream IO

    /**
     * {@link #recv(int, ByteBuffer, long)} without a time limit.
     *
     * @param fd the socket fd
     * @param dst the buffer to receive into, heap or direct
     * @return as the variant with a time limit
     * @throws ErrnoException if the system call fails, naming the errno
     */
    public static int recv(int fd, ByteBuffer dst) throws ErrnoException {
        return recv(fd, dst, NO_WAIT_LIMIT);
    }

    /**
     * Receives what is available, at most {@code dst.remaining()} bytes: {@code nty_recv}.
     * Waits only if nothing is available. Advances {@code dst}'s position.
     *
     * <p>Tries the syscall first — unless the previous {@code recv} on this fd (on this thread)
     * came back short, which proves the queue was empty: then it waits first, saving the
     * {@code recv} that would answer {@code EAGAIN}. The wait re-checks readiness, so data that
     * is already there is returned at once either way.
     *
     * @param fd the socket fd
     * @param dst a heap or direct buffer with space left
     * @param timeoutMillis 0 for no limit
     * @return the number of bytes received, {@code 0} at orderly end of stream (§4.5)
     * @throws ErrnoException e.g. {@code ECONNRESET}, {@code EBADF}
     * @throws WaitTimeoutException if nothing arrived in time
     * @throws IllegalArgumentException if {@code dst} has no space left (0 would read as EOF)
     */
    public static int recv(int fd, ByteBuffer dst, long timeoutMillis) throws ErrnoException {
        checkFd(fd);
        requireSpace(dst, "recv");
        long deadline = Readiness.deadline(timeoutMillis);
        LibC libc = libc();
        DrainHints hints = DrainHints.current();
        if (hints.isDrained(fd)) {
            // The previous recv emptied the queue: trying now would almost surely cost an
            // EAGAIN. Waiting first is still exact, since every wait re-checks the level.
            hints.clear(fd);
            Readiness.await(fd, IoEvents.READ, deadline, "recv");
        }
        for (;;) {
            ByteBuffer view = ioView(dst);
            int requested = view.remaining();
            long n = libc.recv(fd, view, requested, 0);
            if (n > 0) {
                dst.position(dst.position() + (int) n);
                hints.received(fd, requested, n);
                return (int) n;
            }
            if (n == 0) {
                return 0; // orderly end of stream (§4.5)
            }
            awaitOrThrow(fd, IoEvents.READ, deadline, "recv");
        }
    }

    /**
     * {@link #send(int, ByteBuffer, long)} without a time limit.
     *
     * @param fd the socket fd
     * @param src the bytes to send (position to limit), heap or direct
     * @return as the variant with a time limit
     * @throws ErrnoException if the system call fails, naming the errno
     */
    public static int send(int fd, ByteBuffer src) throws ErrnoException {
        return send(fd, src, NO_WAIT_LIMIT);
    }

    /**
     * Sends all of {@code src}: {@code nty_send}. Loops until every byte is written, suspending
     * (or blocking, outside a coroutine) whenever the socket buffer is full (§4.5). Uses
     * {@code MSG_NOSIGNAL}, so a closed peer is an {@code EPIPE} exception, never a SIGPIPE.
     * Advances {@code src}'s position by what was sent, also when it fails part way.
     *
     * @param fd the socket fd
     * @param src the bytes to send (position to limit), heap or direct
     * @param timeoutMillis 0 for no limit; bounds the whole transfer
     * @return the number of bytes sent: {@code src}'s remaining bytes on entry
     * @throws ErrnoException e.g. {@code EPIPE}, {@code ECONNRESET}, {@code EBADF}
     * @throws WaitTimeoutException if the transfer did not finish in time
     */
    public static int send(int fd, ByteBuffer src, long timeoutMillis) throws ErrnoException {
        checkFd(fd);
        Objects.requireNonNull(src, "src");
        long deadline = Readiness.deadline(timeoutMillis);
        LibC libc = libc();
        int total = 0;
        while (src.hasRemaining()) {
            ByteBuffer view = ioView(src);
            long n = libc.send(fd, view, view.remaining(), LibC.MSG_NOSIGNAL);
            if (n >= 0) {
                src.position(src.position() + (int) n);
                total += (int) n;
            } else {
                awaitOrThrow(fd, IoEvents.WRITE, deadline, "send");
            }
        }
        return total;
    }

    // ------------------------------------------------------------------ datagrams

    /**
     * {@link #recvfrom(int, ByteBuffer, long)} without a time limit.
     *
     * @param fd the socket fd
     * @param dst the buffer to receive into, heap or direct
     * @return as the variant with a time limit
     * @throws ErrnoException if the system call fails, naming the errno
     */
    public static InetSocketAddress recvfrom(int fd, ByteBuffer dst) throws ErrnoException {
        return recvfrom(fd, dst, NO_WAIT_LIMIT);
    }

    /**
     * Receives one datagram into {@code dst}: {@code nty_recvfrom}. A datagram longer than
     * {@code dst.remaining()} is truncated, as with {@code recvfrom(2)}. Advances the position.
     *
     * @param fd the socket fd
     * @param dst the buffer to receive into, heap or direct
     * @param timeoutMillis 0 for no limit
     * @return the sender's address
     * @throws ErrnoException e.g. {@code ECONNREFUSED} (ICMP port unreachable on a connected
     *         UDP socket), {@code EBADF}
     * @throws WaitTimeoutException if nothing arrived in time
     */
    public static InetSocketAddress recvfrom(int fd, ByteBuffer dst, long timeoutMillis)
            throws ErrnoException {
        checkFd(fd);
        requireSpace(dst, "recvfrom");
        long deadline = Readiness.deadline(timeoutMillis);
        LibC libc = libc();
        byte[] sa = new byte[SocketAddresses.MAX_LENGTH];
        int[] len = new int[1];
        for (;;) {
            len[0] = sa.length;
            long n = libc.recvfrom(fd, dst, dst.remaining(), 0, sa, len);
            if (n >= 0) {
                dst.position(dst.position() + (int) n);
                return SocketAddresses.decode(sa, len[0]);
            }
            awaitOrThrow(fd, IoEvents.READ, deadline, "recvfrom");
        }
    }

    /**
     * {@link #sendto(int, ByteBuffer, InetSocketAddress, long)} without a time limit.
     *
     * @param fd the socket fd
     * @param src the bytes to send (position to limit), heap or direct
     * @param target the datagram's destination
     * @return as the variant with a time limit
     * @throws ErrnoException if the system call fails, naming the errno
     */
    public static int sendto(int fd, ByteBuffer src, InetSocketAddress target) throws ErrnoException {
        return sendto(fd, src, target, NO_WAIT_LIMIT);
    }

    /**
     * Sends {@code src}'s remaining bytes as one datagram to {@code target}: {@code nty_sendto}.
     * Advances the position.
     *
     * @param fd the socket fd
     * @param src the datagram (position to limit), heap or direct
     * @param target the datagram's destination
     * @param timeoutMillis 0 for no limit
     * @return the number of bytes sent
     * @throws ErrnoException e.g. {@code EMSGSIZE}, {@code EBADF}
     * @throws WaitTimeoutException if the socket stayed unwritable
     */
    public static int sendto(int fd, ByteBuffer src, InetSocketAddress target, long timeoutMillis)
            throws ErrnoException {
        checkFd(fd);
        Objects.requireNonNull(src, "src");
        byte[] sa = SocketAddresses.encode(target);
        long deadline = Readiness.deadline(timeoutMillis);
        LibC libc = libc();
        for (;;) {
            long n = libc.sendto(fd, src, src.remaining(), LibC.MSG_NOSIGNAL, sa, sa.length);
            if (n >= 0) {
                src.position(src.position() + (int) n);
                return (int) n;
            }
            awaitOrThrow(fd, IoEvents.WRITE, deadline, "sendto");
        }
    }

    // ------------------------------------------------------------------ readiness, teardown

    /**
     * {@link #poll(int, int, long)} without a time limit.
     *
     * @param fd the socket fd
     * @param events a non-empty subset of {@code IoEvents.READ|IoEvents.WRITE}
     * @return as the variant with a time limit
     * @throws ErrnoException if the system call fails, naming the errno
     */
    public static int poll(int fd, int events) throws ErrnoException {
        return poll(fd, events, NO_WAIT_LIMIT);
    }

    /**
     * Waits until {@code fd} is ready for {@code events}: {@code nty_poll} for one fd. Inside a
     * coroutine it suspends (§4.4); outside it blocks in {@code poll(2)} (§3.6). Unlike
     * {@code poll(2)}, and like every nty timeout, {@code timeoutMillis == 0} means no limit.
     *
     * @param fd the socket fd
     * @param events a non-empty subset of {@code IoEvents.READ|IoEvents.WRITE}
     * @param timeoutMillis 0 for no limit
     * @return the ready {@link IoEvents} bits, or {@code 0} if the timeout passed first
     * @throws ErrnoException {@code EBADF} for a closed fd (outside a coroutine)
     */
    public static int poll(int fd, int events, long timeoutMillis) throws ErrnoException {
        checkFd(fd);
        if (events == 0 || (events & ~IoEvents.INTEREST_MASK) != 0) {
            throw new IllegalArgumentException("poll(fd=" + fd + "): events must be a non-empty subset"
                    + " of READ|WRITE, got " + IoEvents.toString(events));
        }
        try {
            return Readiness.await(fd, events, Readiness.deadline(timeoutMillis), "poll");
        } catch (WaitTimeoutException e) {
            return 0;
        }
    }

    /**
     * Shuts down one or both directions: {@code shutdown(2)}.
     *
     * @param fd the socket fd
     * @param how {@link #SHUT_RD}, {@link #SHUT_WR} or {@link #SHUT_RDWR}
     * @throws ErrnoException e.g. {@code ENOTCONN}, {@code EBADF}
     */
    public static void shutdown(int fd, int how) throws ErrnoException {
        checkFd(fd);
        if (how != SHUT_RD && how != SHUT_WR && how != SHUT_RDWR) {
            throw new IllegalArgumentException("how must be SHUT_RD, SHUT_WR or SHUT_RDWR: " + how);
        }
        check(libc().shutdown(fd, how), "shutdown", fd);
    }

    /**
     * Closes {@code fd}: {@code nty_close}. The coroutines waiting on it — its reader and its
     * writer (§4.1) — are woken with {@link io.nty.api.FdClosedException} first (§4.3), and the
     * poller forgets the fd so that a reused fd number starts clean. Called on another thread
     * than the scheduler whose coroutines wait on the fd, it reaches that scheduler through the
     * epoll poller that owns the fd ({@link EpollPoller#fdClosing}): the waiters wake there,
     * with the same exception, before this call's {@code close(2)} can free the number.
     *
     * @param fd the socket fd
     * @throws ErrnoException {@code EBADF} if the fd is not open
     */
    public static void close(int fd) throws ErrnoException {
        checkFd(fd);
        Scheduler s = SchedulerBinding.current();
        if (s != null && !s.isClosed()) {
            s.fdClosed(fd);
        }
        EpollPoller.fdClosing(fd);
        DrainHints.current().clear(fd);
        // No EINTR retry: Linux releases the fd even when close(2) is interrupted.
        check(libc().close(fd), "close", fd);
    }

    // ------------------------------------------------------------------ options

    /**
     * Sets an integer option: {@code setsockopt(2)}. Boolean options take 0 or 1.
     *
     * @param fd the socket fd
     * @param option the option
     * @param value its value
     * @throws ErrnoException e.g. {@code ENOPROTOOPT} ({@code TCP_NODELAY} on UDP), {@code EBADF}
     */
    public static void setOption(int fd, SockOpt option, int value) throws ErrnoException {
        checkFd(fd);
        if (option == SockOpt.SO_ERROR) {
            throw new IllegalArgumentException("SO_ERROR is read only");
        }
        check(libc().setsockopt(fd, option.level(), option.optionName(), new int[] {value}, 4),
                "setsockopt(" + option + ")", fd);
    }

    /**
     * {@return the value of an integer option ({@code getsockopt(2)})}
     *
     * @param fd the socket fd
     * @param option the option
     * @throws ErrnoException if the system call fails, naming the errno
     */
    public static int getOption(int fd, SockOpt option) throws ErrnoException {
        checkFd(fd);
        int[] value = new int[1];
        int[] len = {4};
        check(libc().getsockopt(fd, option.level(), option.optionName(), value, len),
                "getsockopt(" + option + ")", fd);
        return value[0];
    }

    /**
     * Sets {@code SO_LINGER}.
     *
     * @param fd the socket fd
     * @param seconds {@code < 0} to turn lingering off (close returns at once, data is sent in
     *        the background); {@code 0} to reset the connection on close; {@code > 0} to linger
     *        that long. Note that a lingering close blocks the thread, coroutine or not.
     * @throws ErrnoException if the system call fails, naming the errno
     */
    public static void setLinger(int fd, int seconds) throws ErrnoException {
        checkFd(fd);
        int[] linger = {seconds < 0 ? 0 : 1, Math.max(0, seconds)};
        check(libc().setsockopt(fd, LibC.SOL_SOCKET, LibC.SO_LINGER, linger, 8),
                "setsockopt(SO_LINGER)", fd);
    }

    /**
     * {@return the {@code SO_LINGER} seconds, or {@code -1} if lingering is off}
     *
     * @param fd the socket fd
     * @throws ErrnoException if the system call fails, naming the errno
     */
    public static int getLinger(int fd) throws ErrnoException {
        checkFd(fd);
        int[] linger = new int[2];
        int[] len = {8};
        check(libc().getsockopt(fd, LibC.SOL_SOCKET, LibC.SO_LINGER, linger, len),
                "getsockopt(SO_LINGER)", fd);
        return linger[0] == 0 ? -1 : linger[1];
    }

    /**
     * Makes an fd created elsewhere non-blocking, so the hooks can use it (NtyCo's hooks do the
     * same with {@code fcntl(O_NONBLOCK)}).
     * @param fd the socket fd
     * @throws ErrnoException if the system call fails, naming the errno
     */
    public static void setNonBlocking(int fd) throws ErrnoException {
        checkFd(fd);
        LibC libc = libc();
        int flags = check(libc.fcntl(fd, LibC.F_GETFL, 0), "fcntl(F_GETFL)", fd);
        if ((flags & LibC.O_NONBLOCK) == 0) {
            check(libc.fcntl(fd, LibC.F_SETFL, flags | LibC.O_NONBLOCK), "fcntl(F_SETFL)", fd);
        }
    }

    /**
     * {@return how many bytes can be read without waiting ({@code ioctl(FIONREAD)}); never waits}
     *
     * @param fd a connected stream socket
     * @throws ErrnoException e.g. {@code EBADF}, {@code EINVAL} on a listening socket
     */
    public static int available(int fd) throws ErrnoException {
        checkFd(fd);
        int[] queued = new int[1];
        check(libc().ioctl(fd, LibC.FIONREAD, queued), "ioctl(FIONREAD)", fd);
        return queued[0];
    }

    // ------------------------------------------------------------------ helpers

    /**
     * After a failed IO syscall: wait on {@code EAGAIN}, return on {@code EINTR} (the caller
     * retries), throw otherwise.
     */
    private static void awaitOrThrow(int fd, int events, long deadline, String call)
            throws ErrnoException {
        int errno = NativeLibC.errno();
        if (errno == LibC.EAGAIN) {
            Readiness.await(fd, events, deadline, call);
        } else if (errno != LibC.EINTR) {
            throw new ErrnoException(call, fd, errno);
        }
    }

    /** {@return {@code b}, or for a large heap buffer a view of its first {@link #HEAP_CHUNK} bytes} */
    private static ByteBuffer ioView(ByteBuffer b) {
        if (b.isDirect() || b.remaining() <= HEAP_CHUNK) {
            return b;
        }
        return b.duplicate().limit(b.position() + HEAP_CHUNK);
    }

    private static int check(int result, String call, int fd) throws ErrnoException {
        if (result < 0) {
            throw new ErrnoException(call, fd, NativeLibC.errno());
        }
        return result;
    }

    private static void checkFd(int fd) {
        if (fd < 0) {
            throw new IllegalArgumentException("invalid fd " + fd + ": fds are >= 0");
        }
    }

    private static void requireSpace(ByteBuffer dst, String call) {
        Objects.requireNonNull(dst, "dst");
        if (dst.isReadOnly()) {
            throw new IllegalArgumentException(call + ": the buffer is read only");
        }
        if (!dst.hasRemaining()) {
            throw new IllegalArgumentException(call + ": the buffer has no space left"
                    + " (a 0-byte receive would look like end of stream)");
        }
    }

    private static LibC libc() {
        return NativeLibC.libc();
    }
}
