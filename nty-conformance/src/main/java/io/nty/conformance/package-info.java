/**
 * nty's conformance suite (TCK): checks any coroutine runtime against the numbered rules of the
 * nty specification ({@code docs/spec.md}, {@code io.nty.api} Javadoc).
 *
 * <p>This module owns: the {@link io.nty.conformance.Rule} catalogue and how each rule is
 * verified ({@link io.nty.conformance.Conformance}, with one class of checks per group of rules,
 * e.g. {@link io.nty.conformance.DuplexWaitChecks} for §4.1's per-direction form and
 * {@link io.nty.conformance.ParkJoinCancelChecks} for §6); the seam to an implementation
 * ({@link io.nty.conformance.ConformanceProvider} for JVM implementations,
 * {@link io.nty.conformance.ScenarioRunner} for anything that runs scenarios); the JUnit 5 base
 * class implementers extend ({@link io.nty.conformance.SchedulerVerification}); and the per-rule
 * report ({@link io.nty.conformance.ConformanceReport}, one object per run; under JUnit shared
 * through {@link io.nty.conformance.ConformanceExtension}); replaying one scenario beside the model
 * ({@link io.nty.conformance.ScenarioReplay}); and the verdict on scenarios that hang, crash or
 * are not run (they fail the rule they were generated for, never count as verified). The
 * scenario language, the trace vocabulary ({@code Event}, {@code TraceEvent}), generators and
 * reference model live in {@code io.nty.conformance.scenario}; simulated sockets in
 * {@code io.nty.conformance.sim}; the in-process harness in {@code io.nty.conformance.jvm}; the
 * driver protocol in {@code io.nty.conformance.driver}.
 *
 * <p>It owns no scheduler: it depends only on {@code nty-api}, QuickTheories and the JUnit API.
 */
package io.nty.conformance;
