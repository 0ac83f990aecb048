/**
 * The scenario language and the reference model.
 *
 * <p>Owns: {@link io.nty.conformance.scenario.Step}, {@link io.nty.conformance.scenario.Program}
 * and {@link io.nty.conformance.scenario.Scenario} (what to run); their one-statement-per-line
 * text form {@link io.nty.conformance.scenario.ScenarioText}, which is also the driver protocol's
 * scenario format; {@link io.nty.conformance.scenario.Trace} (what happened, and how the run
 * ended), written in the one trace vocabulary {@link io.nty.conformance.scenario.Event} and parsed
 * as {@link io.nty.conformance.scenario.TraceEvent};
 * {@link io.nty.conformance.scenario.Model}, which computes the trace the rules require, under each
 * {@link io.nty.conformance.scenario.Interpretation} of the choices they leave open; and the
 * QuickTheories {@link io.nty.conformance.scenario.ScenarioGenerators}, and
 * {@link io.nty.conformance.scenario.PrimitiveScenarioGenerators} for the per-direction waits and
 * the §6 steps (with the safety net that keeps a broken park/unpark from hanging a run). Plain Java: no threads,
 * no IO, no clock.
 */
package io.nty.conformance.scenario;
