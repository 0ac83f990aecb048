/**
 * nty's conformance suite (TCK): checks any coroutine runtime against the numbered rules of the
 * nty specification (design brief §3, {@code io.nty.api} Javadoc).
 *
 * <p>This module owns: the {@link io.nty.conformance.Rule} catalogue and how each rule is
 * verified ({@link io.nty.conformance.Conformance}, with one class of checks per group of rules,
 * e.g. {@link io.nty.conformance.DuplexWaitChecks} for §4.1's per-direction form and
 * {@link io.nty.conformance.ParkJoinCancelChecks} for §6); the seam to an implementation
 * ({@link io.nty.conformance.ConformanceProvider} for JVM implementations,
 * {@link io.nty.conformance.ScenarioRunner} for anything that runs scenarios); the JUnit 5 base
 * class implementers extend ({@link io.nty.conformance.SchedulerVerification}); and the per-rule
 * report ({@link io.nty.conformance.ConformanceReport}). The scenario language, generators and
 * reference model live in {@code io.nty.conformance.scenario}; simulated sockets in
 * {@code io.nty.conformance.sim}; the in-process harness in {@code io.nty.conformance.jvm}.
 *
 * <p>It owns no scheduler: it depends only on {@code nty-api}, QuickTheories and the JUnit API.
 */
package io.nty.conformance;
