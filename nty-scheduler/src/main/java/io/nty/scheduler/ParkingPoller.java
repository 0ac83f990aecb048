package io.nty.scheduler;

import io.nty.api.spi.Poller;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * The poller a scheduler uses when no IO poller is available: it waits on no fds and only parks
 * the scheduler's thread until the earliest deadline or a cross-thread {@link #wakeup()}.
 *
 * <p>Invariant: a {@code wakeup()} that happens before or during {@link #poll} makes that poll or
 * the next one return promptly: the flag is set before the unpark, and the park permit covers an
 * unpark that arrives before the park. A poll ends only on a wakeup or its timeout: not on a
 * spurious return of {@code park}, nor on an interrupt of the owner thread (as {@code epoll_wait}
 * ignores interrupts), whose flag is kept for the code that owns it.
 */
final class ParkingPoller implements Poller {

    private final Thread owner;
    private final AtomicBoolean wakeupPending = new AtomicBoolean();

    ParkingPoller(Thread owner) {
        this.owner = owner;
    }

    @Override
    public String name() {
        return "parking";
    }

    @Override
    public boolean supportsFds() {
        return false;
    }

    @Override
    public void arm(int fd, int events) {
        throw noFdWaits(Pollers.whyNone());
    }

    /**
     * {@return the error for a coroutine that waits on an fd, naming what to do and {@code why}}
     *
     * @param why why no IO poller could be opened
     */
    static UnsupportedOperationException noFdWaits(String why) {
        return new UnsupportedOperationException("this scheduler has no IO poller, so coroutines cannot "
                + "wait on fds: put nty-socket on the class path (on the module path, also add"
                + " --add-modules io.nty.socket and jnr-ffi's ASM modules) or pass a poller to the builder; "
                + why);
    }

    @Override
    public void disarm(int fd, int events) {
        // Nothing is ever armed.
    }

    @Override
    public int poll(long timeoutNanos, ReadySink sink) {
        if (wakeupPending.getAndSet(false) || timeoutNanos == 0) {
            return 0;
        }
        // park() returns at once while the thread's interrupt flag is set (and an interrupt also
        // leaves a park permit), which would turn a scheduler with only parked coroutines (§3.5,
        // §6.1) into a spin. So park until a wakeup or the timeout, setting the flag aside while
        // parked, as epoll_wait ignores interrupts, and put it back for the code that owns it.
        long deadline = timeoutNanos < 0 ? 0 : System.nanoTime() + timeoutNanos;
        boolean interrupted = false;
        try {
            while (!wakeupPending.get()) {
                interrupted |= Thread.interrupted();
                if (timeoutNanos < 0) {
                    LockSupport.park(this);
                } else {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        break;
                    }
                    LockSupport.parkNanos(this, left);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        wakeupPending.set(false);
        return 0;
    }

    @Override
    public void wakeup() {
        wakeupPending.set(true);
        LockSupport.unpark(owner);
    }

    @Override
    public void close() {
        // No resources.
    }
}
