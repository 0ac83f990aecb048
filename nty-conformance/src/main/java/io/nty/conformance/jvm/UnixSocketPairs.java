package io.nty.conformance.jvm;

import io.nty.api.spi.Poller;
import io.nty.conformance.scenario.Scenario;
import io.nty.conformance.scenario.Trace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Real kernel socket pairs ({@code AF_UNIX}, {@code SOCK_STREAM}, non-blocking) for the fd rules:
 * the scheduler waits on their real fd numbers with its own poller (epoll, from nty-socket), so
 * §4.1–§4.3 are checked against the kernel rather than the suite's simulation.
 *
 * <p>The pairs are made with the JDK's Unix-domain channels (connect to a listener in a private
 * temporary directory, accept, remove the listener); the fd number is read through
 * {@code sun.nio.ch.SelChImpl.getFDVal()}, which needs {@value #EXPORT_FLAG}. Data is moved with
 * the channels themselves, never through the scheduler. Nothing here observes the poller, so the
 * poller-contract checks of §4.2 are not available; the trace checks are.
 *
 * <p>With an {@link FdPlacement} on the class path (nty-conformance-reference has one), the fds
 * the scheduler sees are duplicates placed high: of every four logical fds, the first keeps the
 * kernel's low number, the second and fourth get the first free number from 64, the third from
 * 1024 (or from 64, under a file limit that does not reach 1024) — so epoll, the wait table and
 * the hooks meet numbers on both sides of 64 and 1024. Data still moves through the channels;
 * closing an fd closes its duplicate too, so the peer sees the end of the stream.
 *
 * <p>Linux reports a read from a socket whose peer closed with unread data as
 * {@code ECONNRESET}, not end of stream; the scenario vocabulary has one word for both, {@code eof}.
 */
public final class UnixSocketPairs implements ScenarioSockets {

    /** The JVM flag the fd numbers need. */
    public static final String EXPORT_FLAG = "--add-exports java.base/sun.nio.ch=ALL-UNNAMED";

    private static final Method FD_VAL = fdValMethod();
    /** How much {@link #fill} writes at a time, and at most how many times (a bound, not a size). */
    private static final int FILL_CHUNK = 64 * 1024;
    private static final int MAX_FILL_CHUNKS = 1024;
    /** The lowest number of each logical fd's duplicate, by its index mod 4; 0 keeps the kernel's number. */
    private static final int[] PLACEMENT_TIERS = {0, 64, 1024, 64};

    private final SocketChannel[] channels;
    private final int[] fdNumbers;
    /** Whether each logical fd's scheduler number is a duplicate made by {@link #placement}. */
    private final boolean[] duplicated;
    private final boolean[] closed;
    private final Optional<FdPlacement> placement;

    private UnixSocketPairs(int pairs, Optional<FdPlacement> placement) throws IOException {
        int n = Scenario.FIRST_FD + 2 * pairs;
        this.placement = placement;
        channels = new SocketChannel[n];
        fdNumbers = new int[n];
        duplicated = new boolean[n];
        closed = new boolean[n];
        Path dir = Files.createTempDirectory("nty-conformance-");
        try {
            for (int k = 0; k < pairs; k++) {
                connectPair(dir.resolve("pair" + k), Scenario.FIRST_FD + 2 * k);
            }
        } finally {
            Files.deleteIfExists(dir);
        }
    }

    /**
     * {@return the pairs, connected and non-blocking}
     *
     * @param pairs the number of socket pairs
     * @throws IllegalStateException if the fd numbers cannot be read (the JVM lacks {@value #EXPORT_FLAG})
     * @throws UncheckedIOException if the sockets cannot be made
     */
    public static UnixSocketPairs open(int pairs) {
        return open(pairs, PLACEMENT);
    }

    /** Looked up once: the class path does not change while the suite runs. */
    private static final Optional<FdPlacement> PLACEMENT = FdPlacement.find();

    /**
     * {@return the pairs, connected and non-blocking}
     *
     * @param pairs the number of socket pairs
     * @param placement how to move fds high, or empty to keep the kernel's numbers
     * @throws IllegalStateException if the fd numbers cannot be read (the JVM lacks {@value #EXPORT_FLAG})
     * @throws UncheckedIOException if the sockets cannot be made
     */
    public static UnixSocketPairs open(int pairs, Optional<FdPlacement> placement) {
        if (FD_VAL == null) {
            throw new IllegalStateException("real socket pairs need the JVM flag " + EXPORT_FLAG);
        }
        try {
            return new UnixSocketPairs(pairs, placement);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make AF_UNIX socket pairs", e);
        }
    }

    /** {@return whether this JVM can read fd numbers of channels (it was started with {@value #EXPORT_FLAG})} */
    public static boolean isAvailable() {
        return FD_VAL != null;
    }

    private void connectPair(Path address, int first) throws IOException {
        try (ServerSocketChannel listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            listener.bind(UnixDomainSocketAddress.of(address));
            channels[first] = SocketChannel.open(UnixDomainSocketAddress.of(address));
            channels[first + 1] = listener.accept();
        } finally {
            Files.deleteIfExists(address);
        }
        for (int fd = first; fd <= first + 1; fd++) {
            channels[fd].configureBlocking(false);
            fdNumbers[fd] = fdVal(channels[fd]);
            place(fd);
        }
    }

    /** Gives the scheduler a duplicate of {@code fd} at its tier's number, falling back to lower tiers. */
    private void place(int fd) {
        int tier = PLACEMENT_TIERS[(fd - Scenario.FIRST_FD) % PLACEMENT_TIERS.length];
        if (placement.isEmpty() || tier == 0) {
            return;
        }
        for (int atLeast = tier; atLeast >= 64; atLeast /= 16) {
            int dup = placement.get().duplicateAtOrAbove(fdNumbers[fd], atLeast);
            if (dup >= 0) {
                fdNumbers[fd] = dup;
                duplicated[fd] = true;
                return;
            }
        }
    }

    /** {@return the number the scheduler sees for each logical fd, from 3 on} */
    public int[] schedulerFds() {
        return java.util.Arrays.copyOfRange(fdNumbers, Scenario.FIRST_FD, fdNumbers.length);
    }

    private static Method fdValMethod() {
        try {
            Method m = Class.forName("sun.nio.ch.SelChImpl").getMethod("getFDVal");
            try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                m.invoke(probe);
            }
            return m;
        } catch (ReflectiveOperationException | IOException | RuntimeException e) {
            return null;
        }
    }

    private static int fdVal(SocketChannel c) {
        try {
            return (int) FD_VAL.invoke(c);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read the fd of " + c, e);
        }
    }

    @Override
    public int schedulerFd(int logicalFd) {
        return fdNumbers[logicalFd];
    }

    @Override
    public Optional<Poller> poller() {
        return Optional.empty();
    }

    @Override
    public String send(int fd) {
        if (closed[fd]) {
            return "ebadf";
        }
        try {
            int n = channels[fd].write(ByteBuffer.wrap(new byte[] {1}));
            return n == 1 ? "ok" : "eagain";
        } catch (ClosedChannelException e) {
            return "ebadf";
        } catch (IOException e) {
            return "epipe"; // EPIPE, or ECONNRESET after the peer closed with unread data
        }
    }

    @Override
    public String recv(int fd) {
        if (closed[fd]) {
            return "ebadf";
        }
        ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
        int total = 0;
        try {
            while (true) {
                buf.clear();
                int n = channels[fd].read(buf);
                if (n <= 0) {
                    return total > 0 ? Integer.toString(total) : n < 0 ? "eof" : "eagain";
                }
                total += n;
            }
        } catch (IOException e) {
            return total > 0 ? Integer.toString(total) : "eof"; // ECONNRESET: see the class comment
        }
    }

    /** Writes 64 KiB chunks until the non-blocking channel takes nothing: the kernel's buffers are full. */
    @Override
    public String fill(int fd) {
        if (closed[fd]) {
            return "ebadf";
        }
        ByteBuffer chunk = ByteBuffer.allocate(FILL_CHUNK);
        try {
            for (int i = 0; i < MAX_FILL_CHUNKS; i++) {
                chunk.clear();
                if (channels[fd].write(chunk) == 0) {
                    return "ok";
                }
            }
            throw new IllegalStateException("fd " + fd + " took more than " + MAX_FILL_CHUNKS * FILL_CHUNK
                    + " bytes without filling");
        } catch (ClosedChannelException e) {
            return "ebadf";
        } catch (IOException e) {
            return "epipe";
        }
    }

    @Override
    public String drain(int fd) {
        if (closed[fd]) {
            return "ebadf";
        }
        String r = recv(fd);
        return r.equals("eof") || r.equals("eagain") ? r : "ok";
    }

    @Override
    public void close(int fd) {
        closed[fd] = true;
        if (duplicated[fd]) {
            placement.orElseThrow().close(fdNumbers[fd]);
        }
        try {
            channels[fd].close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean isClosed(int fd) {
        return closed[fd];
    }

    @Override
    public void enterAwait(int fd) {
        // Real sockets: the poller is the implementation's own and not observed.
    }

    @Override
    public void leaveAwait(int fd, boolean suspended, String who) {
        // As above.
    }

    @Override
    public List<Trace.Violation> violations() {
        return List.of();
    }

    @Override
    public void release() {
        for (int fd = Scenario.FIRST_FD; fd < channels.length; fd++) {
            if (!closed[fd]) {
                close(fd);
            }
        }
    }
}
