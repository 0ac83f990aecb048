/**
 * nty's conformance suite (TCK): checks any coroutine runtime against the numbered rules of the
 * nty specification ({@code docs/spec.md}, {@code io.nty.api} Javadoc).
 *
 * <p>This module owns: the {@link io.nty.conformance.Rule} catalogue and how each rule is
 * verified ({@link io.nty.conformance.Conformance}); the seam to an implementation
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
