/**
 * Coroutine synchronization on the public nty API only: a bounded {@link io.nty.sync.Channel},
 * a {@link io.nty.sync.CoroutineLock} with {@link io.nty.sync.CoroutineCondition}s, a
 * {@link io.nty.sync.CoroutineSemaphore}, and {@link io.nty.sync.BlockingOffload} for blocking
 * code.
 *
 * <p>Owns: the FIFO wait queues of parked coroutines and the hand-off between them, built from
 * {@code Scheduler.park}/{@code unpark}/{@code cancel} (§6.1, §6.3) and, for the offload,
 * {@code Scheduler.execute} (§1.3). Because it uses nothing else, it works on any scheduler that
 * conforms to the rules, not only the reference one.
 *
 * <p>Must not touch: scheduler internals (it depends on {@code nty-api} only), file descriptors.
 *
 * <p>Conventions: every primitive except the offload belongs to one scheduler (the one of the
 * thread that first uses it) and is unsynchronized, because coroutines of a scheduler never run
 * at once (§3.1); other threads reach it through {@code execute}. Waits are FIFO, with direct
 * hand-off (no barging). Every wait is cancellation-safe: a coroutine cancelled while it waits
 * leaves its queue holding nothing and taking nothing; if the hand-off completed before the
 * cancellation reached it, the call returns normally and the cancellation is re-delivered at its
 * next suspension point.
 */
package io.nty.sync;
