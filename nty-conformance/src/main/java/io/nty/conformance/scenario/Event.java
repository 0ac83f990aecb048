package io.nty.conformance.scenario;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The trace vocabulary: every event an event line ({@code <t> <who> <event> [args]}) may name,
 * shared by the model that predicts traces, the JVM harness that records them and the driver
 * parser that reads them from another process. {@code docs/conformance-protocol.md} §3 lists the
 * same events (a test keeps the two in step).
 */
public enum Event {
    /** {@code created ID}: {@code create} returned the new coroutine's id (by main or by a {@code spawn}). */
    CREATED("created"),
    /** The coroutine's function started: its first event. */
    START("start"),
    /** A {@code yield} step is about to yield; for main, an {@code outside yield} attempt and its outcome. */
    YIELD("yield"),
    /** The coroutine resumed after its yield. */
    RESUMED("resumed"),
    /** {@code sleep MS}: about to sleep; for main, an {@code outside sleep MS} attempt and its outcome. */
    SLEEP("sleep"),
    /** The coroutine resumed after its sleep. */
    WOKE("woke"),
    /** {@code wait FD T}: about to wait for FD to be readable; for main, an {@code outside wait} attempt. */
    WAIT("wait"),
    /** The wait ended because FD became readable. */
    READY("ready"),
    /** {@code ready-other EVENTS}: the wait ended with readiness that does not include READ. */
    READY_OTHER("ready-other"),
    /** The wait ended because its timeout expired. */
    TIMEOUT("timeout"),
    /** The wait ended because another coroutine closed FD. */
    CLOSED("closed"),
    /** The wait was refused at once: another coroutine already waits on FD (§4.1). */
    BUSY("busy"),
    /** The wait was not made: the scenario had closed FD. */
    EBADF("ebadf"),
    /** {@code send FD ok|epipe|eagain|ebadf}: one byte written, or why not (eagain: the buffer is full). */
    SEND("send"),
    /** {@code recv FD N|eof|eagain|ebadf}: what a non-blocking read of everything available got. */
    RECV("recv"),
    /** {@code close FD woke|none|ebadf}: FD closed, and whether that woke a waiter. */
    CLOSE("close"),
    /** {@code tick MS}: the coroutine advanced the virtual clock by MS. */
    TICK("tick"),
    /** The coroutine's function returned. */
    EXIT("exit"),
    /** The coroutine's function failed ({@code throw} step). */
    THROW("throw"),
    /** The exception handler was called for the coroutine (§2.3); compared as a set, not by position. */
    UNCAUGHT("uncaught"),
    /** {@code error NAME}: a call failed in a way the scenario did not expect (NAME: the error's name). */
    ERROR("error"),
    /** {@code thread owner|other}: which thread the coroutine runs on (§5.1). */
    THREAD("thread"),
    /** {@code foreign P refused|allowed|error NAME}: another thread's attempt to create a coroutine (§5.1). */
    FOREIGN("foreign"),
    /** {@code submit P}: program P handed to another thread, which submits it once the scheduler blocks (§1.3). */
    SUBMIT("submit"),
    /** {@code execute P [error NAME]}: this coroutine handed program P to {@code execute} itself (§1.3). */
    EXECUTE("execute"),
    /** {@code post P [error NAME]}: another thread's {@code execute} of program P returned, while this coroutine waited (§1.3). */
    POST("post"),
    /** {@code hrecv FD T}: about to call the hook recv (§4.4, §4.5). */
    HRECV("hrecv"),
    /** {@code got N|ERRNO|timeout|busy|closed}: what the hook recv returned. */
    GOT("got"),
    /** {@code hsend FD N}: about to call the hook send. */
    HSEND("hsend"),
    /** {@code sent N|ERRNO}: what the hook send returned. */
    SENT("sent"),
    /** {@code wwait FD T}: about to wait for FD to be writable (§4.1 per direction; WRITE_WAITS). */
    WWAIT("wwait"),
    /** {@code fill FD ok|epipe|ebadf}: wrote to FD until its send buffer was full, or why not. */
    FILL("fill"),
    /** {@code drain FD ok|eof|eagain|ebadf}: read everything available on FD, making its peer writable again. */
    DRAIN("drain"),
    /** A {@code park} step is about to park (§6.1; PRIMITIVES). */
    PARK("park"),
    /** The park returned: an unpark came, or a permit left by an earlier one was used up (§6.1). */
    UNPARKED("unparked"),
    /** {@code unpark K ok|none|error NAME}: the K-th coroutine created was unparked (§6.1). */
    UNPARK("unpark"),
    /** {@code join K}: about to join the K-th coroutine created (§6.2). */
    JOIN("join"),
    /** {@code joined R}: the join returned the joined coroutine's result ({@code rID} or {@code null}). */
    JOINED("joined"),
    /** The join reported that the joined coroutine's function failed (§6.2). */
    FAILED("failed"),
    /** The join reported that the joined coroutine was cancelled (§6.2, §6.3). */
    FAILED_CANCELLED("failed-cancelled"),
    /** The join was refused: joining would close a cycle of joins, itself included (§6.2). */
    CYCLE("cycle"),
    /** A {@code join} of a coroutine that was never created: index K is out of range. */
    NONE("none"),
    /** {@code cancel K ok|none|error NAME}: the K-th coroutine created was cancelled (§6.3). */
    CANCEL("cancel"),
    /** The coroutine was cancelled at a suspension point; its function ends there (§6.3). */
    CANCELLED("cancelled"),
    /** main: {@code run()} returned. */
    RETURNED("returned"),
    /** main: {@code run-threw NAME}: {@code run()} failed. */
    RUN_THREW("run-threw"),
    /** main: {@code execute-after-close P rejected|accepted|error NAME} (§5.2). */
    EXECUTE_AFTER_CLOSE("execute-after-close"),
    /**
     * main, model only: the scenario cannot go on — only waiters without a timeout remain and no fd
     * can become ready, so a correct scheduler would block forever. The generators avoid such
     * scenarios; a trace that must end this way is never what an implementation should print.
     */
    STUCK("stuck");

    private static final Map<String, Event> BY_TOKEN = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(Event::token, Function.identity()));

    private final String token;

    Event(String token) {
        this.token = token;
    }

    /** {@return the word event lines use, e.g. {@code "woke"}} */
    public String token() {
        return token;
    }

    /**
     * {@return the event {@code token} names, or empty if none does}
     *
     * @param token a word from an event line
     */
    public static Optional<Event> ofToken(String token) {
        return Optional.ofNullable(BY_TOKEN.get(token));
    }

    @Override
    public String toString() {
        return token;
    }
}
