/**
 * The nty specification as Java types.
 *
 * <p>nty is NtyCo's coroutine runtime for the JVM. This package is the contract every
 * implementation follows; the reference implementation lives in {@code nty-scheduler} and the
 * conformance suite in {@code nty-conformance} checks any implementation against it.
 *
 * <h2>Rules</h2>
 * The rules are numbered as in {@code docs/spec.md} and cited as {@code §N.M} in the Javadoc of
 * the method they constrain, and in the names of the tests that verify them:
 * <ul>
 *   <li>§1 create — 1.1 next id, appended to the ready tail, {@code func} not run inside create;
 *       1.2 creating never switches; 1.3 other threads submit through {@code Executor.execute}.</li>
 *   <li>§2 entry ({@code _exec}) — 2.1 the first resume calls {@code func(arg)} exactly once;
 *       2.2 after {@code func} returns the coroutine is EXITED, never resumed, its context freed;
 *       2.3 an exception ends that coroutine only and reaches the scheduler's handler;
 *       2.4 native x86_64 register and stack rules (see {@code nty-switch-x86_64}).</li>
 *   <li>§3 ordering — 3.1 no preemption; 3.2 yield appends to the ready tail; 3.3 the
 *       scheduling round (sleepers, ready snapshot, IO); 3.4 sleep at least {@code ms};
 *       3.5 {@code run()} returns when nothing is ready, sleeping or waiting; 3.6 suspending
 *       outside a coroutine fails clearly (socket hooks block instead).</li>
 *   <li>§4 fds — 4.1 one reader and one writer per fd at most, a second of either refused
 *       at once; 4.2 an fd wakes only a coroutine waiting on it;
 *       4.3 a waiter resumes on readiness, timeout or close, never missing readiness;
 *       4.4 hooks never block the scheduler thread; 4.5 results and errors follow NtyCo.</li>
 *   <li>§5 threads — 5.1 one scheduler per thread, its coroutines run only there;
 *       5.2 a scheduler is an {@link java.util.concurrent.Executor}.</li>
 *   <li>§6 coroutine-side primitives — 6.1 park/unpark: a parked coroutine runs again only after
 *       an unpark, which appends it to the ready tail; an unpark before the park is not lost;
 *       unparking one that is not parked changes nothing else; 6.2 join: wait for another's end
 *       and get its result or failure; joining itself or a cycle fails at once; joining an
 *       EXITED coroutine returns at once; 6.3 cancellation: a suspended coroutine resumes at its
 *       suspension point with {@link io.nty.api.CoroutineCancelledException}, its
 *       {@code finally} blocks run, its fd interest is disarmed; a NEW one never runs and is
 *       EXITED; cancelling twice or after exit is harmless. From other threads these go through
 *       {@code execute} (§1.3).</li>
 * </ul>
 *
 * <h2>Conventions</h2>
 * Every method of {@link io.nty.api.Scheduler} except {@code execute} must be called on the
 * scheduler's own thread; a call from another thread fails with {@link
 * io.nty.api.WrongThreadException}. Bad arguments fail with the standard Java exceptions
 * ({@code NullPointerException}, {@code IllegalArgumentException}); scheduler misuse fails with a
 * subtype of {@link io.nty.api.NtyException} whose message names the problem. Nothing in this
 * package depends on anything outside {@code java.base}.
 */
package io.nty.api;
