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
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;

/**
 * The epoll {@link Poller}: one epoll instance, one eventfd for {@link #wakeup()}, and
 * registrations that cost fewer {@code epoll_ctl} calls per wait than NtyCo's ADD + DEL.
 *
 * <h2>Mechanism (§4.2)</h2>
 * NtyCo adds the fd before each wait ({@code EPOLL_CTL_ADD}) and deletes it after
 * ({@code EPOLL_CTL_DEL}), so readiness while nobody waits wakes nobody: two syscalls per wait.
 * Two cheaper mechanisms keep the observable rule — an fd is reported to the scheduler only while
 * a coroutine waits on it, and readiness already there when a wait starts is reported (level
 * semantics, like NtyCo's level-triggered ADD):
 * <ul>
 *   <li>{@link Mode#LAZY_LEVEL} (the default): the fd stays registered, level-triggered, after
 *       its wait ends. {@link #arm} costs nothing when the fd is still registered for exactly
 *       the directions now armed; {@link #disarm} costs nothing. Only if the fd turns ready
 *       while nobody waits does {@link #poll} see it unarmed and remove it ({@code DEL}, one
 *       syscall) and go back to waiting: {@code epoll_wait} returns once for it, but neither a
 *       coroutine nor the scheduler's poll call is woken; the next arm adds it again. In a
 *       request/response loop the waiter re-arms before the next {@code epoll_wait}, so a wait
 *       costs no {@code epoll_ctl} at all.</li>
 *   <li>{@link Mode#ONE_SHOT}: registered with {@code EPOLLONESHOT}, which the kernel disables
 *       when it reports the fd; each arm re-enables it with {@code MOD} (one syscall per wait),
 *       disarm after a report is free, disarm of an unreported fd (timeout, close) is a
 *       {@code DEL}. Readiness while nobody waits never even wakes the thread, and an fd closed
 *       behind the poller's back is noticed ({@code MOD} answers {@code ENOENT}).</li>
 * </ul>
 *
 * <h2>Both directions (§4.1)</h2>
 * A reader and a writer may wait on one fd at once. The fd then has one registration carrying
 * both interests ({@code EPOLLIN|EPOLLOUT}), changed with {@code MOD} as a direction is armed or
 * disarmed; {@link #poll} reports the ready events of the armed directions (and
 * {@code EPOLLERR}/{@code EPOLLHUP}, which belong to both), and the scheduler disarms each
 * direction whose waiter it resumes. A single-direction wait costs what it cost before.
 * {@code LAZY_LEVEL}: a level-ready direction nobody is armed for any more is trimmed from the
 * registration with one {@code MOD} when it shows up. {@code ONE_SHOT}: the kernel disables the
 * whole registration when it reports either direction, so a direction still armed after the
 * report is re-enabled with one {@code MOD}; disarming one direction of a live registration is a
 * {@code MOD} to the other.
 *
 * <h2>Closed fds</h2>
 * The kernel drops an fd from epoll when its file is closed, and the number is then reused, so
 * the per-fd state must be reset: the socket hooks call {@link #fdClosing} before
 * {@code close(2)}. The poller of the closing thread forgets the fd at once. If another thread's
 * poller owns the fd — {@link FdOwners}, the process-wide registry fd → the poller that added
 * it — that one poller alone is told and woken: it forgets the fd and reports the directions that
 * were armed as closed ({@link Poller.ReadySink#closed}), so the waiters on the owning scheduler
 * resume with {@code FdClosedException} (§4.3). In {@code LAZY_LEVEL} mode {@link #forget} also
 * deletes the registration while the fd still names its file: a file kept open by a {@code dup}
 * would otherwise go on reporting a level-triggered event that no {@code DEL} can reach. Each
 * registration carries a generation number in its event data, and events of an older
 * registration of the same number are ignored. An fd closed by other code than the hooks must be
 * reported with {@link #forget} (or use {@code ONE_SHOT}).
 *
 * <h2>Threads</h2>
 * Everything but {@link #wakeup()} and {@link #fdClosing} runs on the scheduler's thread.
 * {@code wakeup()} writes the eventfd at most once until the next {@link #poll} consumes it.
 */
public final class EpollPoller implements Poller {

    /*
     * Invariants. Per fd, on the owner thread, both modes:
     * - armed[fd] is the union of the directions (READ, WRITE) whose waiters are suspended on
     *   the fd: set by arm, cleared direction by direction by disarm, never by poll.
     * - registered[fd] is the interest of this poller's kernel registration of the fd, 0 if the
     *   fd is not in the epoll set. registered != 0 => FdOwners names this poller as the fd's
     *   owner, or a notice that another poller took it over is queued in releasedElsewhere, or
     *   yielded[fd] is set (taken over while a waiter was armed here; deleted when it disarms).
     * - generation[fd] is the generation of the current registration (set by each ADD, kept by
     *   MOD); events whose data carries another generation are from an older life of the number
     *   and are never reported.
     * - a registered fd whose armed is 0 reports nothing to the scheduler (§4.2): LAZY_LEVEL
     *   deletes it when it shows up ready; ONE_SHOT deletes it at disarm if it was still enabled.
     * LAZY_LEVEL: registered != 0 => the registration is live (level-triggered); when armed != 0,
     *   armed is a subset of registered (unless the fd vanished behind the poller's back, when a
     *   MOD failed and registered became 0), and arm makes them equal; a level-ready direction in
     *   registered but not in armed is trimmed (MOD) by poll when it shows up.
     * ONE_SHOT: fired[fd] <=> the kernel disabled the registration by reporting it. Outside
     *   poll, every armed direction not reported since it was armed is in an enabled
     *   registration: arm MODs the registration to all armed directions; disarm of a live
     *   registration trims it to the directions left or deletes it; after a report, poll
     *   re-enables (MOD) the armed directions that were not reported. A reported direction
     *   stays armed, but disabled, until the scheduler disarms it.
     * Across threads: only closedElsewhere, releasedElsewhere and wakeupPending are written by
     * other threads; they are drained on the owner thread (absorbNotices) before any use of the
     * per-fd state in arm, poll and drainClosed.
     */

    /** How interest is registered; see the class comment. */
    public enum Mode {
        /** Level-triggered registrations kept between waits, removed only if ready unwaited. */
        LAZY_LEVEL,
        /** {@code EPOLLONESHOT} registrations re-enabled with {@code EPOLL_CTL_MOD} per wait. */
        ONE_SHOT
    }

    /** Event data of the eventfd; fd tags are {@code generation << 32 | fd} with fd >= 0. */
    private static final long WAKEUP_TAG = -1L;
    private static final int DEFAULT_MAX_EVENTS = 1024;
    /**
     * How often one {@link #poll} waits again after a batch that held only readiness nobody waits
     * for, before returning 0 anyway so the scheduler gets to run (a registration this poller
     * cannot remove, see "Closed fds", must not hold the thread in here).
     */
    private static final int MAX_QUIET_RETRIES = 16;
    private static final int REPORTABLE = IoEvents.READ | IoEvents.WRITE | IoEvents.ERROR | IoEvents.HANGUP;

    /** The poller that polls on each thread, for closes made on that thread. */
    private static final ThreadLocal<EpollPoller> OWNER = new ThreadLocal<>();

    private final Mode mode;
    private final LibC libc;
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
    private final FdOwners owners;
    /** Fds this poller owns that another thread closed; drained by the owner thread. */
    private final Queue<Integer> closedElsewhere = new ConcurrentLinkedQueue<>();
    /** Fds this poller registered that another poller has added since; drained likewise. */
    private final Queue<Integer> releasedElsewhere = new ConcurrentLinkedQueue<>();
    /** Closed elsewhere while armed, not yet reported: {@code fd << 32 | directions}. */
    private long[] unreportedClosed = new long[8];
    private int unreportedCount;
    private volatile boolean closed;

    /** Per fd: the events registered in the kernel, 0 if not registered. */
    private int[] registered = new int[1024];
    /** Per fd: the directions waiters are armed for, 0 if nobody waits. */
    private int[] armed = new int[1024];
    /** Per fd: the generation of its current registration. */
    private int[] generation = new int[1024];
    /** Per fd, {@code ONE_SHOT}: the kernel disabled the registration by reporting it. */
    private boolean[] fired = new boolean[1024];
    /** Per fd: another poller took the fd over while a waiter was armed here. */
    private boolean[] yielded = new boolean[1024];
    private int nextGeneration;

    /**
     * Opens an epoll poller in {@link Mode#LAZY_LEVEL} mode.
     *
     * @throws NtyException if epoll or the eventfd cannot be created, naming the errno
     * @throws UnsupportedOperationException if this is not Linux
     */
    public EpollPoller() {
        this(Mode.LAZY_LEVEL, DEFAULT_MAX_EVENTS);
    }

    /**
     * Opens an epoll poller.
     *
     * @param mode how interest is registered
     * @param maxEvents the most events one {@code epoll_wait} returns, {@code >= 1}
     */
    public EpollPoller(Mode mode, int maxEvents) {
        this(mode, maxEvents, FdOwners.PROCESS);
    }

    /** For tests: a poller with its own registry of owners. */
    EpollPoller(Mode mode, int maxEvents, FdOwners owners) {
        this.mode = Objects.requireNonNull(mode, "mode");
        this.owners = Objects.requireNonNull(owners, "owners");
        if (maxEvents < 1) {
            throw new IllegalArgumentException("maxEvents must be >= 1: " + maxEvents);
        }
        this.libc = NativeLibC.libc();
        Runtime runtime = Runtime.getRuntime(libc);
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
        return mode == Mode.LAZY_LEVEL ? "epoll" : "epoll-oneshot";
    }

    @Override
    public boolean supportsFds() {
        return true;
    }

    /** {@return how this poller registers interest} */
    public Mode mode() {
        return mode;
    }

    /**
     * {@inheritDoc}
     *
     * <p>{@code LAZY_LEVEL}: no syscall if the fd is still registered for exactly the directions
     * armed after this call, else one {@code ADD} or {@code MOD}. {@code ONE_SHOT}: one
     * {@code ADD} or {@code MOD}. With the other direction armed already, the one registration
     * is changed to carry both.
     *
     * @throws IllegalArgumentException if {@code fd < 0} or {@code events} is not a non-empty
     *         subset of {@code READ|WRITE}
     * @throws IllegalStateException if a direction of {@code events} is armed on {@code fd}
     *         already (the scheduler's wait table should have refused a second reader or
     *         writer, §4.1)
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
        absorbNotices();
        ensureCapacity(fd);
        int already = armed[fd];
        if ((already & events) != 0) {
            throw new IllegalStateException("fd " + fd + " is already armed for "
                    + IoEvents.toString(already & events) + ": one reader and one writer per fd (§4.1)");
        }
        int want = already | events;
        if (registered[fd] == 0) {
            add(fd, want);
        } else if (registered[fd] != want || (mode == Mode.ONE_SHOT && fired[fd])) {
            modify(fd, want);
        }
        // else LAZY_LEVEL with the registration already right: nothing to do.
        armed[fd] = want;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Free after the fd was reported by {@link #poll}. For an unreported fd (timeout, close):
     * free in {@code LAZY_LEVEL} mode (should it turn ready unwaited, {@code poll} removes it
     * without reporting it); in {@code ONE_SHOT} mode one {@code DEL}, or one {@code MOD} when
     * the other direction stays armed. Never throws: a registration that has vanished (the fd
     * was closed behind the poller's back) is simply forgotten.
     */
    @Override
    public void disarm(int fd, int events) {
        if (fd < 0 || fd >= armed.length || (armed[fd] & events) == 0) {
            return;
        }
        int left = armed[fd] & ~events;
        armed[fd] = left;
        if (closed || registered[fd] == 0) {
            return;
        }
        if (mode == Mode.ONE_SHOT && !fired[fd]) {
            // The one-shot registration is still enabled with the disarmed direction in it.
            if (left == 0) {
                delete(fd); // not a MOD: MOD cannot mask a hang-up
            } else if (registered[fd] != left) {
                modifyQuietly(fd, left);
            }
        } else if (left == 0 && yielded[fd]) {
            delete(fd); // another poller owns the fd now: keep no registration of it here
        }
    }

    /**
     * Forgets {@code fd} because it is about to be closed, so that the next {@link #arm} of a
     * reused fd number registers the new file. Deletes a live registration first.
     *
     * @param fd the fd about to be closed (still open)
     */
    @Override
    public void forget(int fd) {
        if (closed || fd < 0 || fd >= registered.length) {
            return;
        }
        boolean live = mode == Mode.LAZY_LEVEL || !fired[fd];
        if (registered[fd] != 0 && live) {
            delete(fd);
        } else if (registered[fd] != 0) {
            owners.release(fd, this);
        }
        reset(fd);
        dropUnreportedClosed(fd);
    }

    /**
     * Tells the poller concerned that {@code fd} is about to be closed: the poller of the calling
     * thread forgets it at once ({@link #forget}); if the fd is registered with a poller of
     * another thread ({@link FdOwners}), that poller alone is told and woken, forgets it and
     * reports the waits on it as closed (§4.3). The socket hooks' {@code close} calls this before
     * {@code close(2)}, so the number cannot be reused before the owner has been told.
     *
     * @param fd the fd about to be closed
     */
    public static void fdClosing(int fd) {
        EpollPoller own = OWNER.get();
        if (own != null) {
            own.forget(fd);
        }
        EpollPoller owner = FdOwners.PROCESS.remove(fd);
        if (owner != null && owner != own) {
            owner.closedOnAnotherThread(fd);
        }
    }

    /** Another thread is closing {@code fd}, which this poller owns: note it and wake the poll. */
    private void closedOnAnotherThread(int fd) {
        closedElsewhere.add(fd);
        wakeup();
    }

    /**
     * {@inheritDoc}
     *
     * <p>Reports the fds closed on other threads while a direction was armed on them, with those
     * directions; no syscall.
     */
    @Override
    public int drainClosed(ReadySink sink) {
        if (closed) {
            return 0;
        }
        absorbNotices();
        int n = 0;
        while (unreportedCount > 0) {
            long entry = unreportedClosed[--unreportedCount];
            sink.closed((int) (entry >>> 32), (int) entry);
            n++;
        }
        return n;
    }

    /**
     * {@inheritDoc}
     *
     * <p>One {@code epoll_wait}, plus one {@code read} of the eventfd when a wakeup is pending,
     * plus (lazy level mode) one {@code DEL} per fd found ready with nobody waiting — after which
     * it waits again for the rest of the timeout, so such readiness does not even make the poll
     * return (§4.2). The timeout is rounded up to whole milliseconds so a poll never returns
     * before a deadline.
     */
    @Override
    public int poll(long timeoutNanos, ReadySink sink) {
        checkOpen();
        claimThread();
        int closedReported = drainClosed(sink);
        if (closedReported > 0) {
            timeoutNanos = 0; // waiters were made ready: look at the kernel without waiting
        }
        long deadline = System.nanoTime() + Math.max(0, timeoutNanos);
        long remaining = timeoutNanos;
        for (int attempt = 0; ; attempt++) {
            int n = libc.epoll_wait(epfd, events, maxEvents, toMillis(remaining));
            if (n < 0) {
                int errno = NativeLibC.errno();
                if (errno == EINTR) {
                    return closedReported;
                }
                throw failure("epoll_wait", epfd, errno);
            }
            int reported = 0;
            boolean woken = false;
            for (int i = 0; i < n; i++) {
                long base = (long) i * eventSize;
                int ready = events.getInt(base);
                long data = events.getLong(base + dataOffset);
                if (data == WAKEUP_TAG) {
                    drainWakeup();
                    woken = true;
                } else if (deliver((int) data, (int) (data >>> 32), ready, sink)) {
                    reported++;
                }
            }
            if (woken) {
                reported += drainClosed(sink); // the wakeup may be a close on another thread
            }
            if (reported > 0 || woken || n == 0 || timeoutNanos == 0 || attempt == MAX_QUIET_RETRIES) {
                return reported + closedReported;
            }
            // Only readiness nobody waits for (now removed): wake nobody, not even the caller;
            // wait again for what is left of the timeout.
            if (timeoutNanos > 0) {
                remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return 0;
                }
            }
        }
    }

    /**
     * Reports one event for the armed directions of its fd; otherwise makes sure nobody is woken
     * by it again. Keeps the registration matching what is still armed afterwards (see the
     * invariants).
     */
    private boolean deliver(int fd, int gen, int ready, ReadySink sink) {
        if (fd >= registered.length || registered[fd] == 0) {
            // Not ours any more (forgotten, or closed on another thread). A level registration
            // that outlived our state would report on every poll: try to remove it; if the
            // number now names another file, this DEL finds nothing and does no harm.
            if (mode == Mode.LAZY_LEVEL && fd < registered.length) {
                ctl(EPOLL_CTL_DEL, fd, 0, 0);
            }
            return false;
        }
        if (generation[fd] != gen) {
            return false; // an older registration of this fd number: nobody waits for it
        }
        if (mode == Mode.ONE_SHOT) {
            fired[fd] = true; // the kernel disabled the whole registration as it reported it
        }
        int want = armed[fd];
        if (want == 0) {
            // Ready while nobody waits (§4.2): wake nobody. A level registration would report it
            // on every poll, so remove it; a one-shot one is already disabled by the kernel.
            if (mode == Mode.LAZY_LEVEL) {
                delete(fd);
            }
            return false;
        }
        if (mode == Mode.LAZY_LEVEL && (ready & IoEvents.INTEREST_MASK & ~want) != 0) {
            // A direction nobody waits in any more is level-ready: it would report on every
            // poll. Trim it; the armed direction stays registered.
            modifyQuietly(fd, want);
        }
        int report = ready & (want | IoEvents.ERROR | IoEvents.HANGUP) & REPORTABLE;
        int reportedDirections = (report & (IoEvents.ERROR | IoEvents.HANGUP)) != 0 ? want
                : report & IoEvents.INTEREST_MASK;
        if (report != 0) {
            sink.ready(fd, report); // the scheduler resumes the waiters and disarms them
        }
        if (mode == Mode.ONE_SHOT && fired[fd] && registered[fd] != 0) {
            // A direction still armed but not reported (the other waiter, not ready yet) lost
            // its registration with the report: re-enable it alone.
            int pending = armed[fd] & ~reportedDirections;
            if (pending != 0) {
                modifyQuietly(fd, pending);
            }
        }
        return report != 0;
    }

    /** {@inheritDoc} Writes the eventfd once; later calls before the next poll write nothing. */
    @Override
    public void wakeup() {
        if (closed || !wakeupPending.compareAndSet(false, true)) {
            return;
        }
        long n = libc.write(eventFd, wakeupValue, 8);
        if (n < 0) {
            int errno = NativeLibC.errno();
            if (errno != EAGAIN) { // EAGAIN: the counter is saturated, a wakeup is pending anyway
                wakeupPending.set(false);
                throw failure("write(eventfd)", eventFd, errno);
            }
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        owners.releaseAll(this);
        if (OWNER.get() == this) {
            OWNER.remove();
        }
        libc.close(eventFd);
        libc.close(epfd);
    }

    /**
     * {@return whether a waiter is armed on {@code fd} now (for tests and diagnostics)}
     *
     * @param fd an fd
     */
    public boolean isArmed(int fd) {
        return armedEvents(fd) != 0;
    }

    /**
     * {@return the directions armed on {@code fd} now, {@code IoEvents} bits (for tests and
     *         diagnostics)}
     *
     * @param fd an fd
     */
    public int armedEvents(int fd) {
        return fd >= 0 && fd < armed.length ? armed[fd] : 0;
    }

    /**
     * {@return the interest of {@code fd}'s kernel registration now, 0 if it is not registered
     *         (for tests and diagnostics)}
     *
     * @param fd an fd
     */
    public int registeredEvents(int fd) {
        return fd >= 0 && fd < registered.length ? registered[fd] : 0;
    }

    /**
     * {@return whether {@code fd} is registered in the kernel now (for tests and diagnostics)}
     *
     * @param fd an fd
     */
    public boolean isRegistered(int fd) {
        return fd >= 0 && fd < registered.length && registered[fd] != 0;
    }

    private void add(int fd, int interest) {
        generation[fd] = ++nextGeneration;
        if (ctl(EPOLL_CTL_ADD, fd, kernelEvents(interest), tag(fd)) != 0) {
            int errno = NativeLibC.errno();
            // EEXIST: still registered from a forgotten earlier life of this number: take it over.
            if (errno != EEXIST || ctl(EPOLL_CTL_MOD, fd, kernelEvents(interest), tag(fd)) != 0) {
                registered[fd] = 0;
                throw failure("epoll_ctl(ADD)", fd, errno == EEXIST ? NativeLibC.errno() : errno);
            }
        }
        registered[fd] = interest;
        fired[fd] = false;
        yielded[fd] = false;
        EpollPoller previous = owners.claim(fd, this);
        if (previous != null) {
            previous.releasedElsewhere.add(fd); // it drops its registration before its next use
        }
    }

    private void modify(int fd, int interest) {
        if (ctl(EPOLL_CTL_MOD, fd, kernelEvents(interest), tag(fd)) == 0) {
            registered[fd] = interest;
            fired[fd] = false;
            return;
        }
        int errno = NativeLibC.errno();
        if (errno != ENOENT) {
            throw failure("epoll_ctl(MOD)", fd, errno);
        }
        add(fd, interest); // the number was closed and reused behind our back: register anew
    }

    /** {@link #modify} where failing must not throw (disarm, poll): a vanished fd is forgotten. */
    private void modifyQuietly(int fd, int interest) {
        if (ctl(EPOLL_CTL_MOD, fd, kernelEvents(interest), tag(fd)) == 0) {
            registered[fd] = interest;
            fired[fd] = false;
        } else {
            owners.release(fd, this);
            registered[fd] = 0; // closed behind our back: the kernel dropped the registration
        }
    }

    private void delete(int fd) {
        ctl(EPOLL_CTL_DEL, fd, 0, 0); // ENOENT/EBADF only mean it is gone already
        registered[fd] = 0;
        fired[fd] = false;
        yielded[fd] = false;
        owners.release(fd, this);
    }

    private void reset(int fd) {
        registered[fd] = 0;
        armed[fd] = 0;
        fired[fd] = false;
        yielded[fd] = false;
    }

    private int kernelEvents(int interest) {
        return mode == Mode.ONE_SHOT ? interest | EPOLLONESHOT : interest;
    }

    /**
     * Applies what other threads told this poller, before the per-fd state is used: fds closed
     * elsewhere are forgotten (their registration is gone or about to be) and, if a direction was
     * armed, kept for {@link #drainClosed} to report; fds another poller took over are deleted
     * here unless a waiter is still armed on them.
     */
    private void absorbNotices() {
        Integer fd;
        while ((fd = closedElsewhere.poll()) != null) {
            if (fd < registered.length) {
                int was = armed[fd];
                reset(fd);
                if (was != 0) {
                    addUnreportedClosed(fd, was);
                }
            }
        }
        while ((fd = releasedElsewhere.poll()) != null) {
            if (fd < registered.length && registered[fd] != 0) {
                if (armed[fd] == 0) {
                    delete(fd); // the file may still be open: its registration here must go
                } else {
                    yielded[fd] = true;
                }
            }
        }
    }

    private void addUnreportedClosed(int fd, int directions) {
        if (unreportedCount == unreportedClosed.length) {
            unreportedClosed = Arrays.copyOf(unreportedClosed, unreportedCount * 2);
        }
        unreportedClosed[unreportedCount++] = ((long) fd << 32) | directions;
    }

    /** The fd is closed on this thread now: an older close elsewhere need not be reported. */
    private void dropUnreportedClosed(int fd) {
        for (int i = unreportedCount - 1; i >= 0; i--) {
            if ((int) (unreportedClosed[i] >>> 32) == fd) {
                unreportedClosed[i] = unreportedClosed[--unreportedCount];
            }
        }
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
        if (fd >= registered.length) {
            int size = Math.max(fd + 1, registered.length * 2);
            registered = Arrays.copyOf(registered, size);
            armed = Arrays.copyOf(armed, size);
            generation = Arrays.copyOf(generation, size);
            fired = Arrays.copyOf(fired, size);
            yielded = Arrays.copyOf(yielded, size);
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
