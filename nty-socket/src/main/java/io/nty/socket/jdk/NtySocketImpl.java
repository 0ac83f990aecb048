package io.nty.socket.jdk;

import io.nty.api.FdBusyException;
import io.nty.api.FdClosedException;
import io.nty.api.WaitTimeoutException;
import io.nty.socket.ErrnoException;
import io.nty.socket.NtySockets;
import io.nty.socket.SockOpt;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketImpl;
import java.net.SocketOption;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@link SocketImpl} behind every {@code java.net.Socket} and {@code ServerSocket} once
 * {@link JdkSocketHook#install()} has run: a TCP socket on nty-socket's fd-level hooks
 * ({@link NtySockets}). Inside a coroutine a connect, accept, read or write that cannot finish
 * at once suspends only that coroutine (§4.4); outside one it blocks the calling thread in
 * {@code poll(2)}, as before (§3.6).
 *
 * <h2>Life cycle and state</h2>
 * The JDK calls {@link #create} before it knows the address family, so the fd is made lazily,
 * by the first {@code bind} or {@code connect}, with the family of that address (an IPv4
 * address gets an {@code AF_INET} socket, an IPv6 one {@code AF_INET6}; nty-socket has no
 * IPv4-mapped addressing). Options set before then are kept and applied to the new fd; a client
 * bound to the wildcard address is bound at connect time, in the family of the peer. Invariants:
 * {@code fd == -1} until then; once {@code closed} is set it stays set, the fd is released once,
 * and every operation but {@code close} throws {@code SocketException("Socket closed")}.
 *
 * <h2>Concurrency</h2>
 * One reader and one writer may work at once (a coroutine reading while another writes, §4.1).
 * A second coroutine reading (or writing) the same socket while the first waits gets a
 * {@link SocketException} naming §4.1 at once, where the JDK's implementation would queue it
 * behind a lock: nothing here takes a lock, so nothing can block the scheduler thread.
 * {@code close} from another coroutine of the same scheduler wakes a waiter with "Socket
 * closed" (§4.3); from another thread it first shuts the connection down when an operation is
 * in flight, which wakes a waiter blocked in {@code poll(2)} or parked in another scheduler.
 */
final class NtySocketImpl extends SocketImpl {

    private static final int NO_FD = -1;
    /** The JDK turns {@code SO_REUSEADDR} on for listening sockets; so does nty. */
    private static final boolean SERVER_REUSEADDR = true;
    private static final int MAX_LINGER_SECONDS = 65_535;

    private final boolean server;
    private final Map<JdkOption, Object> pendingOptions = new EnumMap<>(JdkOption.class);
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile int fd = NO_FD;
    private volatile boolean closed;
    private volatile boolean inputShutdown;
    private volatile boolean outputShutdown;
    private volatile int soTimeoutMillis;
    /** Port of a client bound to the wildcard before its family was known, or -1. */
    private int deferredWildcardPort = -1;
    private InputStream in;
    private OutputStream out;

    /**
     * @param server whether this impl backs a {@code ServerSocket} (it binds the wildcard at
     *        once, with {@code SO_REUSEADDR}) rather than a {@code Socket}
     */
    NtySocketImpl(boolean server) {
        this.server = server;
    }

    // ------------------------------------------------------------------ life cycle

    @Override
    protected void create(boolean stream) throws IOException {
        if (!stream) {
            throw new SocketException("nty's socket implementation makes stream (TCP) sockets only;"
                    + " datagram sockets are not hooked (use DatagramSocket, or NtyDatagramSocket)");
        }
        ensureOpen();
    }

    @Override
    protected void connect(String host, int port) throws IOException {
        connect(new InetSocketAddress(resolve(host), port), 0);
    }

    /**
     * Resolves {@code host} the way {@link NtyResolverProvider} does: on the resolver offload
     * inside a coroutine when one is set, else on the calling thread ({@link OffloadedLookup}),
     * even if another resolver provider won the JDK's slot. The one place this class resolves;
     * clients mostly resolve before the socket sees the address.
     */
    private static InetAddress resolve(String host) throws UnknownHostException {
        return OffloadedLookup.run(host, () -> InetAddress.getByName(host));
    }

    @Override
    protected void connect(InetAddress address, int port) throws IOException {
        connect(new InetSocketAddress(address, port), 0);
    }

    @Override
    protected void connect(SocketAddress remote, int timeoutMillis) throws IOException {
        ensureOpen();
        if (!(remote instanceof InetSocketAddress target)) {
            throw new IllegalArgumentException("Unsupported address type: " + remote);
        }
        if (target.isUnresolved()) {
            throw new UnknownHostException(target.getHostName());
        }
        if (timeoutMillis < 0) {
            throw new IllegalArgumentException("connect: timeout can't be negative");
        }
        int s = openFor(target.getAddress());
        LockCheck.beforeSuspendable("connect");
        begin();
        try {
            NtySockets.connect(s, target, timeoutMillis);
            InetSocketAddress local = NtySockets.localAddress(s);
            address = target.getAddress();
            port = target.getPort();
            localport = local.getPort();
        } catch (WaitTimeoutException e) {
            SocketTimeoutException timeout = new SocketTimeoutException("Connect timed out");
            timeout.initCause(e);
            throw timeout;
        } catch (FdClosedException e) {
            throw JdkExceptions.closed(e);
        } catch (ErrnoException e) {
            throw closed ? JdkExceptions.closed(e) : JdkExceptions.translate(e);
        } finally {
            end();
        }
    }

    @Override
    protected void bind(InetAddress host, int port) throws IOException {
        ensureOpen();
        if (fd != NO_FD || deferredWildcardPort >= 0) {
            throw new SocketException("Already bound");
        }
        InetAddress local = host != null ? host : new InetSocketAddress(0).getAddress();
        if (!server && local.isAnyLocalAddress()) {
            // The family is the peer's, known only at connect.
            deferredWildcardPort = port;
            localport = port;
            return;
        }
        int s = openFor(local);
        try {
            NtySockets.bind(s, new InetSocketAddress(local, port));
            localport = NtySockets.localAddress(s).getPort();
        } catch (ErrnoException e) {
            throw JdkExceptions.translate(e);
        }
    }

    @Override
    protected void listen(int backlog) throws IOException {
        ensureOpen();
        if (fd == NO_FD) {
            bind(null, 0);
        }
        try {
            NtySockets.listen(fd, backlog < 1 ? 50 : backlog);
        } catch (ErrnoException e) {
            throw JdkExceptions.translate(e);
        }
    }

    @Override
    protected void accept(SocketImpl target) throws IOException {
        ensureOpen();
        if (!(target instanceof NtySocketImpl accepted)) {
            throw new SocketException("nty's ServerSocket implementation can accept into nty's Socket"
                    + " implementation only, got " + target.getClass().getName()
                    + " (install both factories with JdkSocketHook.install())");
        }
        int listener = requireFd();
        LockCheck.beforeSuspendable("accept");
        begin();
        try {
            int conn = NtySockets.accept(listener, soTimeoutMillis);
            accepted.adopt(conn);
        } catch (WaitTimeoutException e) {
            SocketTimeoutException timeout = new SocketTimeoutException("Accept timed out");
            timeout.initCause(e);
            throw timeout;
        } catch (FdClosedException e) {
            throw JdkExceptions.closed(e);
        } catch (FdBusyException e) {
            throw JdkExceptions.busy("accept", e);
        } catch (ErrnoException e) {
            throw closed ? JdkExceptions.closed(e) : JdkExceptions.translate(e);
        } finally {
            end();
        }
    }

    /** Takes over a connection {@link NtySockets#accept} returned; closes it on failure. */
    private void adopt(int conn) throws IOException {
        try {
            InetSocketAddress peer = NtySockets.remoteAddress(conn);
            InetSocketAddress local = NtySockets.localAddress(conn);
            fd = conn;
            address = peer.getAddress();
            port = peer.getPort();
            localport = local.getPort();
            applyPendingOptions(conn);
        } catch (ErrnoException e) {
            fd = NO_FD;
            closeQuietly(conn);
            throw JdkExceptions.translate(e);
        }
    }

    @Override
    protected void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        int s = fd;
        if (s == NO_FD) {
            return;
        }
        if (inFlight.get() > 0) {
            // Someone waits in this socket: on this scheduler close() itself wakes them (§4.3);
            // a thread blocked in poll(2), or a coroutine of another scheduler, only sees the fd
            // go away if the connection ends first (closing alone removes it silently).
            try {
                NtySockets.shutdown(s, NtySockets.SHUT_RDWR);
            } catch (ErrnoException ignored) {
                // ENOTCONN (never connected, or a listener): close below still releases the fd.
            }
        }
        try {
            NtySockets.close(s);
        } catch (ErrnoException e) {
            throw JdkExceptions.translate(e);
        }
    }

    @Override
    protected void shutdownInput() throws IOException {
        int s = requireFd();
        try {
            NtySockets.shutdown(s, NtySockets.SHUT_RD);
        } catch (ErrnoException e) {
            // ENOTCONN: the connection has ended already; the JDK ignores it too.
            if (!"ENOTCONN".equals(e.errnoName())) {
                throw JdkExceptions.translate(e);
            }
        }
        inputShutdown = true;
    }

    @Override
    protected void shutdownOutput() throws IOException {
        int s = requireFd();
        try {
            NtySockets.shutdown(s, NtySockets.SHUT_WR);
        } catch (ErrnoException e) {
            // ENOTCONN: the connection has ended already; the JDK ignores it too.
            if (!"ENOTCONN".equals(e.errnoName())) {
                throw JdkExceptions.translate(e);
            }
        }
        outputShutdown = true;
    }

    // ------------------------------------------------------------------ streams

    @Override
    protected synchronized InputStream getInputStream() throws IOException {
        ensureOpen();
        if (in == null) {
            in = new NtySocketInputStream(this);
        }
        return in;
    }

    @Override
    protected synchronized OutputStream getOutputStream() throws IOException {
        ensureOpen();
        if (out == null) {
            out = new NtySocketOutputStream(this);
        }
        return out;
    }

    /** {@link InputStream#read(byte[], int, int)} of this socket's stream; -1 at end of stream. */
    int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        ensureOpen();
        if (inputShutdown) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        int s = requireFd();
        LockCheck.beforeSuspendable("read");
        begin();
        try {
            int n = NtySockets.recv(s, ByteBuffer.wrap(b, off, len), soTimeoutMillis);
            if (n == 0 && closed) {
                throw new SocketException("Socket closed"); // woken by close's shutdown, not the peer
            }
            return n == 0 ? -1 : n;
        } catch (WaitTimeoutException e) {
            SocketTimeoutException timeout = new SocketTimeoutException("Read timed out");
            timeout.initCause(e);
            throw timeout;
        } catch (FdClosedException e) {
            throw JdkExceptions.closed(e);
        } catch (FdBusyException e) {
            throw JdkExceptions.busy("read", e);
        } catch (ErrnoException e) {
            if (closed) {
                throw JdkExceptions.closed(e);
            }
            if (inputShutdown) {
                return -1;
            }
            throw JdkExceptions.translate(e);
        } finally {
            end();
        }
    }

    /** {@link OutputStream#write(byte[], int, int)} of this socket's stream: writes all of it. */
    void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        ensureOpen();
        if (outputShutdown) {
            throw new SocketException("Socket output is shutdown");
        }
        if (len == 0) {
            return;
        }
        int s = requireFd();
        LockCheck.beforeSuspendable("write");
        begin();
        try {
            NtySockets.send(s, ByteBuffer.wrap(b, off, len));
        } catch (FdClosedException e) {
            throw JdkExceptions.closed(e);
        } catch (FdBusyException e) {
            throw JdkExceptions.busy("write", e);
        } catch (ErrnoException e) {
            throw closed ? JdkExceptions.closed(e) : JdkExceptions.translate(e);
        } finally {
            end();
        }
    }

    @Override
    protected int available() throws IOException {
        ensureOpen();
        int s = fd;
        if (inputShutdown || s == NO_FD) {
            return 0;
        }
        try {
            return NtySockets.available(s);
        } catch (ErrnoException e) {
            throw JdkExceptions.translate(e);
        }
    }

    @Override
    protected void sendUrgentData(int data) throws IOException {
        throw new SocketException("urgent (out-of-band) data is not supported by nty's socket implementation");
    }

    // ------------------------------------------------------------------ options

    @Override
    public void setOption(int optID, Object value) throws SocketException {
        set(JdkOption.ofId(optID), value);
    }

    @Override
    public Object getOption(int optID) throws SocketException {
        return get(JdkOption.ofId(optID));
    }

    @Override
    protected <T> void setOption(SocketOption<T> name, T value) throws IOException {
        Objects.requireNonNull(name, "name");
        JdkOption option = JdkOption.ofStandard(name);
        set(option, option.fromStandard(value));
    }

    @Override
    @SuppressWarnings("unchecked")
    protected <T> T getOption(SocketOption<T> name) throws IOException {
        Objects.requireNonNull(name, "name");
        JdkOption option = JdkOption.ofStandard(name);
        return (T) option.toStandard(get(option));
    }

    @Override
    protected Set<SocketOption<?>> supportedOptions() {
        return JdkOption.standardOptions();
    }

    private void set(JdkOption option, Object value) throws SocketException {
        ensureOpen();
        Object checked = check(option, value);
        if (option == JdkOption.SO_TIMEOUT) {
            soTimeoutMillis = (Integer) checked;
            return;
        }
        int s = fd;
        if (s == NO_FD) {
            synchronized (pendingOptions) {
                pendingOptions.put(option, checked);
            }
            return;
        }
        try {
            apply(s, option, checked);
        } catch (ErrnoException e) {
            throw (SocketException) JdkExceptions.translate(e);
        }
    }

    private Object get(JdkOption option) throws SocketException {
        ensureOpen();
        if (option == JdkOption.SO_TIMEOUT) {
            return soTimeoutMillis;
        }
        int s = fd;
        try {
            if (option == JdkOption.SO_BINDADDR) {
                return s == NO_FD ? new InetSocketAddress(0).getAddress() : NtySockets.localAddress(s).getAddress();
            }
            if (s == NO_FD) {
                synchronized (pendingOptions) {
                    Object pending = pendingOptions.get(option);
                    return pending != null ? pending : KernelDefaults.get(option, server);
                }
            }
            return read(s, option);
        } catch (ErrnoException e) {
            throw (SocketException) JdkExceptions.translate(e);
        }
    }

    /** {@return {@code value} as the option's old-API type; throws what the JDK throws} */
    private static Object check(JdkOption option, Object value) throws SocketException {
        return switch (option.kind()) {
            case FLAG -> {
                if (!(value instanceof Boolean)) {
                    throw new SocketException("Bad parameter for " + option + ": " + value);
                }
                yield value;
            }
            case INT -> {
                if (!(value instanceof Integer i) || i < 0
                        || ((option == JdkOption.SO_SNDBUF || option == JdkOption.SO_RCVBUF) && i == 0)
                        || (option == JdkOption.IP_TOS && i > 255)) {
                    throw new IllegalArgumentException("Bad parameter for " + option + ": " + value);
                }
                yield value;
            }
            case LINGER -> {
                if (Boolean.FALSE.equals(value)) {
                    yield Boolean.FALSE;
                }
                if (!(value instanceof Integer i)) {
                    throw new SocketException("Bad parameter for SO_LINGER: " + value);
                }
                yield Math.min(Math.max(i, 0), MAX_LINGER_SECONDS);
            }
            case ADDRESS -> throw new SocketException(option + " is read only");
        };
    }

    private void apply(int s, JdkOption option, Object value) throws ErrnoException {
        switch (option) {
            case TCP_NODELAY -> NtySockets.setOption(s, SockOpt.TCP_NODELAY, flag(value));
            case SO_KEEPALIVE -> NtySockets.setOption(s, SockOpt.SO_KEEPALIVE, flag(value));
            case SO_REUSEADDR -> NtySockets.setOption(s, SockOpt.SO_REUSEADDR, flag(value));
            case SO_REUSEPORT -> NtySockets.setOption(s, SockOpt.SO_REUSEPORT, flag(value));
            case SO_OOBINLINE -> NtySockets.setOption(s, SockOpt.SO_OOBINLINE, flag(value));
            case SO_SNDBUF -> NtySockets.setOption(s, SockOpt.SO_SNDBUF, (Integer) value);
            case SO_RCVBUF -> NtySockets.setOption(s, SockOpt.SO_RCVBUF, (Integer) value);
            case SO_LINGER -> NtySockets.setLinger(s, value instanceof Integer i ? i : -1);
            case IP_TOS -> NtySockets.setOption(s, tosOption(s), (Integer) value);
            case SO_TIMEOUT, SO_BINDADDR -> throw new IllegalStateException(option + " never reaches the kernel");
        }
    }

    private static Object read(int s, JdkOption option) throws ErrnoException {
        return switch (option) {
            case TCP_NODELAY -> NtySockets.getOption(s, SockOpt.TCP_NODELAY) != 0;
            case SO_KEEPALIVE -> NtySockets.getOption(s, SockOpt.SO_KEEPALIVE) != 0;
            case SO_REUSEADDR -> NtySockets.getOption(s, SockOpt.SO_REUSEADDR) != 0;
            case SO_REUSEPORT -> NtySockets.getOption(s, SockOpt.SO_REUSEPORT) != 0;
            case SO_OOBINLINE -> NtySockets.getOption(s, SockOpt.SO_OOBINLINE) != 0;
            case SO_SNDBUF -> NtySockets.getOption(s, SockOpt.SO_SNDBUF);
            case SO_RCVBUF -> NtySockets.getOption(s, SockOpt.SO_RCVBUF);
            case SO_LINGER -> {
                int seconds = NtySockets.getLinger(s);
                yield seconds < 0 ? Boolean.FALSE : (Object) seconds;
            }
            case IP_TOS -> NtySockets.getOption(s, tosOption(s));
            case SO_TIMEOUT, SO_BINDADDR -> throw new IllegalStateException(option + " is not a kernel option");
        };
    }

    private static SockOpt tosOption(int s) throws ErrnoException {
        return NtySockets.localAddress(s).getAddress() instanceof Inet6Address ? SockOpt.IPV6_TCLASS : SockOpt.IP_TOS;
    }

    private static int flag(Object value) {
        return ((Boolean) value) ? 1 : 0;
    }

    // ------------------------------------------------------------------ helpers

    /**
     * {@return the fd, made now for {@code address}'s family if there is none yet, with the
     *         options set so far and a deferred wildcard bind applied}
     */
    private int openFor(InetAddress address) throws IOException {
        int s = fd;
        if (s != NO_FD) {
            return s;
        }
        InetSocketAddress probe = new InetSocketAddress(address, 0);
        try {
            s = NtySockets.socketFor(probe, NtySockets.SOCK_STREAM);
        } catch (ErrnoException e) {
            throw JdkExceptions.translate(e);
        }
        try {
            if (server) {
                synchronized (pendingOptions) {
                    pendingOptions.putIfAbsent(JdkOption.SO_REUSEADDR, SERVER_REUSEADDR);
                }
            }
            applyPendingOptions(s);
            if (deferredWildcardPort >= 0) {
                InetAddress wildcard = address instanceof Inet6Address
                        ? InetAddress.getByName("::") : InetAddress.getByName("0.0.0.0");
                NtySockets.bind(s, new InetSocketAddress(wildcard, deferredWildcardPort));
                deferredWildcardPort = -1;
            }
        } catch (ErrnoException e) {
            closeQuietly(s);
            throw JdkExceptions.translate(e);
        } catch (IOException | RuntimeException e) {
            closeQuietly(s);
            throw e;
        }
        fd = s;
        if (closed) {
            // Closed by another thread while the fd was being made: do not leak it.
            fd = NO_FD;
            closeQuietly(s);
            throw new SocketException("Socket closed");
        }
        return s;
    }

    private void applyPendingOptions(int s) throws ErrnoException {
        synchronized (pendingOptions) {
            for (Map.Entry<JdkOption, Object> e : pendingOptions.entrySet()) {
                apply(s, e.getKey(), e.getValue());
            }
            pendingOptions.clear();
        }
    }

    private void ensureOpen() throws SocketException {
        if (closed) {
            throw new SocketException("Socket closed");
        }
    }

    private int requireFd() throws SocketException {
        ensureOpen();
        int s = fd;
        if (s == NO_FD) {
            throw new SocketException("Socket is not connected");
        }
        return s;
    }

    /** Marks an operation that may wait, so that {@link #close} knows to wake it. */
    private void begin() {
        inFlight.incrementAndGet();
    }

    private void end() {
        inFlight.decrementAndGet();
    }

    private static void closeQuietly(int s) {
        try {
            NtySockets.close(s);
        } catch (ErrnoException ignored) {
            // Set-up failed already; that failure is the one reported.
        }
    }

    @Override
    public String toString() {
        return "NtySocketImpl[fd=" + fd + (server ? ",server" : "") + ",addr=" + address + ",port=" + port
                + ",localport=" + localport + (closed ? ",closed" : "") + "]";
    }
}
