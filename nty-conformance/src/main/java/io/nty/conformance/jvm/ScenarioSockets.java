package io.nty.conformance.jvm;

import io.nty.api.spi.Poller;
import io.nty.conformance.scenario.Trace;
import java.util.List;
import java.util.Optional;

/**
 * The socket pairs one scenario runs on, as the harness uses them: the seam that lets the fd
 * rules run on the suite's simulated sockets today ({@link io.nty.conformance.sim.SimulatedNetwork}
 * behind an injected poller) and on real kernel socket pairs with the implementation's own poller
 * once an implementation offers them (nty-socket).
 *
 * <p>Fds in scenarios are logical ({@code 3+2k}, {@code 4+2k}); {@link #schedulerFd} maps one to
 * the number the scheduler waits on. All operations are non-blocking and return the outcome word
 * the trace records.
 */
public interface ScenarioSockets {

    /**
     * {@return the fd to pass to {@code Scheduler.await} and {@code fdClosed}}
     *
     * @param logicalFd a scenario fd
     */
    int schedulerFd(int logicalFd);

    /** {@return the poller the scheduler must use, or empty to let the implementation use its own} */
    Optional<Poller> poller();

    /**
     * {@return {@code ok}, {@code epipe} or {@code ebadf}}
     *
     * @param fd a logical fd
     */
    String send(int fd);

    /**
     * {@return a byte count, {@code eof}, {@code eagain} or {@code ebadf}}
     *
     * @param fd a logical fd
     */
    String recv(int fd);

    /**
     * Closes {@code fd}; later operations on it answer {@code ebadf}.
     *
     * @param fd a logical fd to close (after the scheduler was told, §4.3)
     */
    void close(int fd);

    /**
     * {@return whether the scenario closed {@code fd}}
     *
     * @param fd a logical fd
     */
    boolean isClosed(int fd);

    /**
     * Tells the sockets that a coroutine is about to wait on {@code fd}, so that sockets which
     * observe the poller can tell, when the wait ends, whether interest was left armed (§4.2);
     * sockets that do not observe the poller do nothing.
     *
     * @param fd a logical fd a coroutine is about to wait on
     */
    void enterAwait(int fd);

    /**
     * Tells the sockets that a wait on {@code fd} announced by {@link #enterAwait(int)} has ended;
     * sockets that observe the poller record a violation if the poller still holds interest the
     * wait no longer needs (§4.2).
     *
     * @param fd a logical fd whose wait just ended
     * @param suspended whether the wait suspended (it did unless refused at once)
     * @param who the coroutine, for messages
     */
    void leaveAwait(int fd, boolean suspended, String who);

    /**
     * Writes on {@code fd} until nothing more is taken: {@code fd} is then not writable until its
     * peer drains it (the writable wait of §4.1, with buffers that really fill).
     *
     * @param fd a logical fd
     * @return {@code ok}, {@code epipe} or {@code ebadf}
     */
    default String fill(int fd) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot fill a socket");
    }

    /**
     * Reads everything available on {@code fd}, without blocking and without counting it.
     *
     * @param fd a logical fd
     * @return {@code ok} (read something), {@code eof}, {@code eagain} or {@code ebadf}
     */
    default String drain(int fd) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot drain a socket");
    }

    /**
     * {@link #enterAwait(int)} with the direction of the wait, for sockets that check read and
     * write waits apart; by default the direction is ignored.
     *
     * @param fd a logical fd a coroutine is about to wait on
     * @param events the direction it waits in, {@code IoEvents.READ} or {@code IoEvents.WRITE}
     */
    default void enterAwait(int fd, int events) {
        enterAwait(fd);
    }

    /**
     * {@link #leaveAwait(int, boolean, String)} with the direction of the wait, for sockets that
     * check read and write waits apart; by default the direction is ignored.
     *
     * @param fd a logical fd whose wait just ended
     * @param events the direction of that wait
     * @param suspended whether the wait suspended
     * @param who the coroutine, for messages
     */
    default void leaveAwait(int fd, int events, boolean suspended, String who) {
        leaveAwait(fd, suspended, who);
    }

    /** {@return rule violations seen at this level (e.g. the poller contract), empty if none are observable} */
    List<Trace.Violation> violations();

    /** Releases the sockets; the scenario is over. */
    void release();
}
