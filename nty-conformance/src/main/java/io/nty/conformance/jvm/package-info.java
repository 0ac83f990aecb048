/**
 * The in-process harness: runs scenarios on schedulers made by a
 * {@link io.nty.conformance.ConformanceProvider}, each on a fresh thread, virtual clock and set of
 * socket pairs, and records the trace plus what it sees directly (a function entered twice, two
 * coroutines running at once, a coroutine on a foreign thread, a coroutine whose state is not the
 * one its last call implies). A scenario that runs out of real time is abandoned:
 * {@code ScenarioGuard} makes its clock, poller and coroutine functions throw so its thread
 * unwinds, and {@code AbandonedThreads} counts those that spin on regardless, past which no more
 * scenarios run in the process. Real socket pairs ({@link io.nty.conformance.jvm.UnixSocketPairs})
 * are placed past fd 64 and 1024 by an {@link io.nty.conformance.jvm.FdPlacement} when one is on
 * the class path.
 */
package io.nty.conformance.jvm;
