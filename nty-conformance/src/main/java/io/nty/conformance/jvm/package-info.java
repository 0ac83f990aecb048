/**
 * The in-process harness: runs scenarios on schedulers made by a
 * {@link io.nty.conformance.ConformanceProvider}, each on a fresh thread, virtual clock and set of
 * socket pairs, and records the trace plus what it sees directly (a function entered twice, two
 * coroutines running at once, a coroutine on a foreign thread).
 */
package io.nty.conformance.jvm;
