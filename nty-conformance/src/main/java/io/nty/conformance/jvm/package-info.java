/**
 * The in-process harness: runs scenarios on schedulers made by a
 * {@link io.nty.conformance.ConformanceProvider}, each on a fresh thread, virtual clock and set of
 * socket pairs, and records the trace plus what it sees directly (a function entered twice, two
 * coroutines running at once, a coroutine on a foreign thread, a coroutine whose state is not the
 * one its last call implies). Real socket pairs ({@link io.nty.conformance.jvm.UnixSocketPairs})
 * are placed past fd 64 and 1024 by an {@link io.nty.conformance.jvm.FdPlacement} when one is on
 * the class path.
 */
package io.nty.conformance.jvm;
