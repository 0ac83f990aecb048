/**
 * The reference scheduler: NtyCo's {@code nty_schedule} on the JVM.
 *
 * <p>Owns: the ready queue ({@link io.nty.scheduler.ReadyQueue}), the sleep queue
 * ({@link io.nty.scheduler.SleepQueue}), the wait table by fd and direction
 * ({@link io.nty.scheduler.WaitTable}), the scheduling round and the continuation context switch
 * ({@link io.nty.scheduler.ContinuationSwitch}), and the §6 primitives: park permits, join
 * lists and cancellation, kept in each {@link io.nty.scheduler.ScheduledCoroutine}. Entry point:
 * {@link io.nty.scheduler.NtyScheduler}.
 *
 * <p>Must not touch: file descriptors and system calls (the poller SPI does that, implemented in
 * {@code nty-socket}), native stacks (in {@code nty-switch-x86_64}). Depends on {@code nty-api}
 * only.
 *
 * <p>Conventions: every data structure here is confined to the scheduler's thread and
 * unsynchronized; only {@code NtyScheduler.execute} and the poller's {@code wakeup} cross threads.
 * Steady-state yield, sleep and fd waits allocate nothing: coroutines carry their own queue links.
 */
package io.nty.scheduler;
