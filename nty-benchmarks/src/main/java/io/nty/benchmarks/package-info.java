/**
 * JMH benchmarks for nty, each measured beside a peer in the same run.
 *
 * <p>Conventions: every benchmark class forks JVMs with the flags nty needs and with the JDK's
 * virtual-thread scheduler limited to one carrier, so nty's single scheduler thread and the
 * virtual threads compete on equal terms. Results go to {@code docs/performance.md} with the
 * command that produced them. Nothing here is a test: no timing is asserted anywhere.
 * Besides the JMH classes, {@code MillionSleepers} and its peer {@code MillionVirtualSleepers}
 * are plain programs that measure heap per suspended coroutine and per sleeping virtual thread.
 */
package io.nty.benchmarks;
