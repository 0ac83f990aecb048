/**
 * Simulated socket pairs and the poller over them, so the fd rules (§4.1–§4.3) run in virtual
 * time without a kernel, and the poller contract (arm just before a waiter suspends, disarm as it
 * resumes — per direction, since a reader and a writer may wait on one fd at once) can be
 * observed directly. Each direction of a pair holds a bounded number of bytes, so a writer can
 * really be made to wait ({@code fill}, then {@code wwait}).
 */
package io.nty.conformance.sim;
