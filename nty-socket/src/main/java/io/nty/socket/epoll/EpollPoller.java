package io.nty.socket.epoll;

import static io.nty.socket.internal.LibC.EAGAIN;
import static io.nty.socket.internal.LibC.EEXIST;
import static io.nty.socket.internal.LibC.EINTR;
import static io.nty.socket.internal.LibC.ENOENT;
import static io.nty.socket.internal.LibC.EPOLLIN;
import static io.nty.socket.internal.LibC.EPOLLONESHOT;
import static io.nty.socket.internal.LibC.EPOLL_CTL_ADD;
import static io.nty.socket.internal.LibC.EPOLL_CTL_DEL;
import static io.nty.socket.internal.LibC.EPOLL_CTL_MOD;

import io.nty.api.IoEvents;
import io.nty.api.NtyException;
import io.nty.api.spi.Poller;
import io.nty.socket.ErrnoException;
import io.nty.socket.internal.LibC;
import io.nty.socket.internal.NativeLibC;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;

/**
 * The epoll {@link Poller}: one epoll instance, one eventfd for {@link #wakeup()}, and one-shot
 * registrations so that a wait costs one {@code epoll_ctl} instead of NtyCo's two.
 *
 * <h2>Mechanism</h2>
 * NtyCo adds the fd before a wait ({@code EPOLL_CTL_ADD}) and deletes it after
 * ({@code EPOLL_CTL_DEL}): two syscalls per wait, so that readiness while nobody waits wakes
 * nobody (§4.2). This poller registers each fd with {@code EPOLLONESHOT}: the kernel disables the
 * registration by itself when it reports the fd, so
 * <ul>
 *   <li>{@link #arm}: {@code EPOLL_CTL_ADD} the first time an fd is seen, {@code EPOLL_CTL_MOD}
 *       (re-enable) on every later wait — one syscall;</li>
 *   <li>{@link #disarm} after the fd was reported: nothing — the kernel already disabled it;</li>
 *   <li>{@link #disarm} of an fd that was not reported (timeout, close): {@code EPOLL_CTL_DEL},
 *       since a disabled-by-{@code MOD} registration would still report {@code EPOLLHUP} and
 *       {@code EPOLLERR} (the kernel always adds them); the next arm then adds it again.</li>
 * </ul>
 * A disabled one-shot registration reports nothing, so readiness while nobody waits neither
 * wakes a coroutine nor wakes {@code epoll_wait} (§4.2). Readiness that arrives while armed stays
 * queued in the kernel until {@link #poll} collects it (§4.3).
 *
 * <h2>Stale registrations</h2>
 * The kernel drops an fd from epoll when its file is closed, and the fd number can then be
 * reused. The per-fd state here would still say "registered", so {@link #arm} falls back to
 * {@code ADD} when {@code MOD} answers {@code ENOENT}, and the socket hooks call
 * {@link #forget} before {@code close(2)} so the common case needs no failed syscall. Each
 * registration carries a generation number in its event data; an event from an older
 * registration of the same fd number (possible when a closed fd's file lives on through a
 * {@code dup}) is ignored.
 *
 * <h2>Threads</h2>
 * Everything but {@link #wakeup()} runs on the scheduler's thread. {@code wakeup()} writes the
 * eventfd at most once until the next {@link #poll} consumes it.
 */
public final class EpollPoller implements Poller {

    /** Event data of the eventfd; fd tags are {@code generation << 32 | fd} with fd >= 0. */
    private static final long WAKEUP_TAG = -1L;
    private static final int DEFAULT_MAX_EVENTS = 1024;

    /** Per-fd state: never registered (or forgotten), registered and armed, or reported/idle. */
    private static final byte UNREGISTERED = 0;
    private static final byte ARMED = 1;
    private static final byte IDLE = 2;

    /** The poller the socket hooks of this thread tell about closes; see {@link #forget}. */
    private static final ThreadLocal<EpollPoller> OWNER = new ThreadLocal<>();

    private final LibC libc;
    private final Runtime runtime;
    private final int epfd;
    private final int eventFd;
    private final Pointer ctlEvent;
    private final Pointer events;
    private final Pointer eventFdValue;
    /** Always holds 1; only read, so any thread may pass it to write(2). */
    private final Pointer wakeupValue;
    private final int maxEvents;
    private final int eventSize;
    private final int dataOffset;
    private final AtomicBoolean wakeupPending = new AtomicBoolean();
    private volatile boolean closed;

    private byte[] state = new byte[1024];
    private int[] generation = new int[1024];
    private int nextGeneration;

    /**
     * Opens an epoll instance and its wakeup eventfd.
     *
     * @throws NtyException if epoll or the eventfd cannot be created, naming the errno
     * @throws UnsupportedOperationException if this is not Linux
     */
    public EpollPoller() {
        this(DEFAULT_MAX_EVENTS);
    }

    /**
     * @param maxEvents the most events one {@code epoll_wait} returns, {@code >= 1}
     */
    public EpollPoller(int maxEvents) {
        if (maxEvents < 1) {
            throw new IllegalArgumentException("maxEvents must be >= 1: " + maxEvents);
        }
        this.libc = NativeLibC.libc();
        this.runtime = Runtime.getRuntime(libc);
        this.maxEvents = maxEvents;
        // struct epoll_event is packed on x86_64 (12 bytes), naturally aligned elsewhere (16).
        boolean packed = NativeLibC.epollEventPacked();
        this.eventSize = packed ? 12 : 16;
        this.dataOffset = packed ? 4 : 8;
        this.ctlEvent = Memory.allocateDirect(runtime, eventSize, true);
        this.events = Memory.allocateDirect(runtime, (long) eventSize * maxEvents, true);
        this.eventFdValue = Memory.allocateDirect(runtime, 8, true);
        this.wakeupValue = Memory.allocateDirect(runtime, 8, true);
        wakeupValue.putLong(0, 1L);
        this.epfd = libc.epoll_create1(LibC.EPOLL_CLOEXEC);
        if (epfd < 0) {
            throw failure("epoll_create1", -1, NativeLibC.errno());
        }
        this.eventFd = libc.eventfd(0, LibC.EFD_NONBLOCK | LibC.EFD_CLOEXEC);
        if (eventFd < 0) {
            int errno = NativeLibC.errno();
            libc.close(epfd);
            throw failure("eventfd", -1, errno);
        }
        // Level-triggered: a pending wakeup keeps epoll_wait returning until poll() drains it.
        if (ctl(EPOLL_CTL_ADD, eventFd, EPOLLIN, WAKEUP_TAG) < 0) {
            int errno = NativeLibC.errno();
            libc.close(eventFd);
            libc.close(epfd);
            throw failure("epoll_ctl(ADD eventfd)", eventFd, errno);
        }
    }

    @Override
    public String name() {
        return "epoll";
    }

    @Override
    public boolean supportsFds() {
        return true;
    }

    /** @return the epoll fd, for diagnostics and tests */
    public int epollFd() {
        return epfd;
    }

    /**
     * {@inheritDoc}
     *
     * <p>One syscall: {@code EPOLL_CTL_ADD} for a new fd, {@code EPOLL_CTL_MOD} for one this
     * poller has seen before.
     *
     * @throws IllegalArgumentException if {@code fd < 0} or {@code events} is not a non-empty
     *         subset of {@code READ|WRITE}
     * @throws IllegalStateException if {@code fd} is already armed (the scheduler's wait table
     *         should have refused a second waiter, §4.1)
     * @throws NtyException if epoll refuses the fd, naming the errno (e.g. {@code EBADF} for a
     *         closed fd, {@code EPERM} for a regular file)
     */
    @Override
    public void arm(int fd, int events) {
        checkOpen();
        if (fd < 0) {
            throw new IllegalArgumentException("cannot arm a negative fd: " + fd);
        }
        if (events == 0 || (events & ~IoEvents.INTEREST_MASK) != 0) {
            throw new IllegalArgumentException("arm(" + fd + "): events must be a non-empty subset of"
                    + " READ|WRITE, got " + IoEvents.toString(events));
        }
        ensureCapacity(fd);
        byte s = state[fd];
        if (s == ARMED) {
            throw new IllegalStateException("fd " + fd + " is already armed: one waiter per fd (§4.1)");
        }
        int epollEvents = events | EPOLLONESHOT;
        if (s == IDLE) {
            if (ctl(EPOLL_CTL_MOD, fd, epollEvents, tag(fd)) == 0) {
                state[fd] = ARMED;
                return;
            }
            int errno = NativeLibC.errno();
            if (errno != ENOENT) {
                throw failure("epoll_ctl(MOD)", fd, errno);
            }
            // The fd number was closed and reused behind our back: register the new file.
        }
        add(fd, epollEvents);
    }

    private void add(int fd, int epollEvents) {
        generation[fd] = ++nextGeneration;
        if (ctl(EPOLL_CTL_ADD, fd, epollEvents, tag(fd)) == 0) {
            state[fd] = ARMED;
            return;
        }
        int errno = NativeLibC.errno();
        if (errno != EEXIST || ctl(EPOLL_CTL_MOD, fd, epollEvents, tag(fd)) != 0) {
            // EEXIST: registered by a forgotten earlier life of this fd number; MOD takes it over.
            throw failure("epoll_ctl(ADD)", fd, errno == EEXIST ? NativeLibC.errno() : errno);
        }
        state[fd] = ARMED;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Free after the fd was reported by {@link #poll} (one-shot already disabled it); one
     * {@code EPOLL_CTL_DEL} otherwise (timeout or close), so nothing — not even a hang-up —
     * is reported until the next {@link #arm}.
     */
    @Override
    public void disarm(int fd) {
        if (fd < 0 || fd >= state.length || state[fd] != ARMED) {
            return;
        }
        if (closed) {
            state[fd] = UNREGISTERED;
            return;
        }
        // Unreported: the registration is live. DEL it; ENOENT/EBADF mean the fd is gone already.
        ctl(EPOLL_CTL_DEL, fd, 0, 0);
        state[fd] = UNREGISTERED;
    }

    /**
     * Forgets {@code fd} because it is about to be closed: the kernel drops closed fds from
     * epoll, so the next {@link #arm} of a reused fd number must {@code ADD}, not {@code MOD}.
     * Costs no syscall unless the fd is armed (then it is disarmed first).
     *
     * @param fd the fd about to be closed
     */
    public void forget(int fd) {
        if (fd < 0 || fd >= state.length) {
            return;
        }
        if (state[fd] == ARMED) {
            disarm(fd);
        }
        state[fd] = UNREGISTERED;
    }

    /**
     * Tells the poller that polls on the calling thread that {@code fd} is about to be closed;
     * see {@link #forget}. Called by the socket hooks' {@code close}; does nothing on a thread
     * whose scheduler does not use an {@code EpollPoller}.
     *
     * @param fd the fd about to be closed
     */
    public static void forgetOnCurrentThread(int fd) {
        EpollPoller owner = OWNER.get();
        if (owner != null && !owner.closed) {
            owner.forget(fd);
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>One {@code epoll_wait}, plus one {@code read} of the eventfd when a wakeup is pending.
     * The timeout is rounded up to whole milliseconds so a poll never returns before a deadline.
     */
    @Override
    public int poll(long timeoutNanos, ReadySink sink) {
        checkOpen();
        claimThread();
        int n = libc.epoll_wait(epfd, events, maxEvents, toMillis(timeoutNanos));
        if (n < 0) {
            int errno = NativeLibC.errno();
            if (errno == EINTR) {
                return 0;
            }
            throw failure("epoll_wait", epfd, errno);
        }
        int reported = 0;
        for (int i = 0; i < n; i++) {
            long base = (long) i * eventSize;
            int ready = events.getInt(base);
            long data = events.getLong(base + dataOffset);
            if (data == WAKEUP_TAG) {
                drainWakeup();
                continue;
            }
            int fd = (int) data;
            if (fd >= state.length || state[fd] != ARMED || generation[fd] != (int) (data >>> 32)) {
                continue; // an older registration of this fd number: nobody waits for it
            }
            state[fd] = IDLE;
            sink.ready(fd, ready & (IoEvents.READ | IoEvents.WRITE | IoEvents.ERROR | IoEvents.HANGUP));
            reported++;
        }
        return reported;
    }

    /** {@inheritDoc} Writes the eventfd once; later calls before the next poll write nothing. */
    @Override
    public void wakeup() {
        if (closed || !wakeupPending.compareAndSet(false, true)) {
            return;
        }
        long n = libc.write(eventFd, wakeupValue, 8);
        if (n < 0 && NativeLibC.errno() != EAGAIN) {
            // EAGAIN: the counter is saturated, so a wakeup is pending anyway.
            wakeupPending.set(false);
            throw failure("write(eventfd)", eventFd, NativeLibC.errno());
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (OWNER.get() == this) {
            OWNER.remove();
        }
        libc.close(eventFd);
        libc.close(epfd);
    }

    /** @return whether {@code fd} is armed now: for tests of the one-shot bookkeeping */
    public boolean isArmed(int fd) {
        return fd >= 0 && fd < state.length && state[fd] == ARMED;
    }

    private void drainWakeup() {
        // Clear the flag first: a wakeup racing with the read then writes again rather than
        // being swallowed; the scheduler looks at its queue after every poll anyway.
        wakeupPending.set(false);
        libc.read(eventFd, eventFdValue, 8);
    }

    private void claimThread() {
        if (OWNER.get() != this) {
            OWNER.set(this);
        }
    }

    private int ctl(int op, int fd, int epollEvents, long data) {
        ctlEvent.putInt(0, epollEvents);
        ctlEvent.putLong(dataOffset, data);
        return libc.epoll_ctl(epfd, op, fd, ctlEvent);
    }

    private long tag(int fd) {
        return ((long) generation[fd] << 32) | fd;
    }

    private void ensureCapacity(int fd) {
        if (fd >= state.length) {
            int size = Math.max(fd + 1, state.length * 2);
            state = Arrays.copyOf(state, size);
            generation = Arrays.copyOf(generation, size);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("epoll poller is closed");
        }
    }

    static int toMillis(long timeoutNanos) {
        if (timeoutNanos < 0) {
            return -1;
        }
        long millis = timeoutNanos / 1_000_000L;
        if (millis * 1_000_000L < timeoutNanos) {
            millis++; // round up: returning before the deadline would only make the caller spin
        }
        return (int) Math.min(millis, Integer.MAX_VALUE);
    }

    private static NtyException failure(String call, int fd, int errno) {
        ErrnoException cause = new ErrnoException(call, fd, errno);
        return new NtyException("epoll poller: " + cause.getMessage(), cause);
    }
}
