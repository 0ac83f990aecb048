/**
 * Simulated socket pairs and the poller over them, so the fd rules (§4.1–§4.3) run in virtual
 * time without a kernel, and the poller contract (arm just before a waiter suspends, disarm as it
 * resumes) can be observed directly.
 */
package io.nty.conformance.sim;
