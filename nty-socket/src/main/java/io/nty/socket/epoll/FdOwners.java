package io.nty.socket.epoll;

import java.util.Arrays;

/**
 * Which {@link EpollPoller} each fd is registered with: the registry that lets a close on one
 * thread reach the one poller, on another thread, whose coroutine may wait on the fd (§4.3),
 * without telling every open poller.
 *
 * <p>File descriptors are a process resource, so there is one registry per process,
 * {@link #PROCESS}; the constructor exists for tests. An fd has at most one owner: the poller
 * that last added it to its epoll set. A poller claims an fd when it adds it
 * ({@code EPOLL_CTL_ADD}) and releases it when it deletes or forgets it; a close takes the owner
 * out. Only those registration changes and closes touch the registry — never a wait that finds
 * its registration in place — so its lock is off the per-request path.
 *
 * <p>Thread-safe: every method holds the registry's monitor for a few array accesses.
 */
final class FdOwners {

    /** The registry of this process. */
    static final FdOwners PROCESS = new FdOwners();

    private EpollPoller[] owners = new EpollPoller[1024];

    FdOwners() {
    }

    /**
     * Makes {@code poller} the owner of {@code fd}.
     *
     * @return the previous owner if it was another poller (it must drop its registration), else
     *         {@code null}
     */
    synchronized EpollPoller claim(int fd, EpollPoller poller) {
        if (fd >= owners.length) {
            owners = Arrays.copyOf(owners, Math.max(fd + 1, owners.length * 2));
        }
        EpollPoller previous = owners[fd];
        owners[fd] = poller;
        return previous == poller ? null : previous;
    }

    /** Clears {@code fd}'s owner if it is {@code poller}; another owner is left alone. */
    synchronized void release(int fd, EpollPoller poller) {
        if (fd < owners.length && owners[fd] == poller) {
            owners[fd] = null;
        }
    }

    /**
     * Takes {@code fd}'s owner out of the registry because the fd is being closed.
     *
     * @return the poller that owned it, or {@code null}
     */
    synchronized EpollPoller remove(int fd) {
        if (fd >= owners.length) {
            return null;
        }
        EpollPoller owner = owners[fd];
        owners[fd] = null;
        return owner;
    }

    /** {@return the owner of {@code fd}, or {@code null} (for tests and diagnostics)} */
    synchronized EpollPoller owner(int fd) {
        return fd >= 0 && fd < owners.length ? owners[fd] : null;
    }

    /** Releases every fd {@code poller} owns: it is closing. */
    synchronized void releaseAll(EpollPoller poller) {
        for (int fd = 0; fd < owners.length; fd++) {
            if (owners[fd] == poller) {
                owners[fd] = null;
            }
        }
    }
}
