/**
 * The worked example an implementer reads: {@link io.nty.conformance.example.SimpleScheduler}, a
 * second {@link io.nty.api.Scheduler} written from the rules (not from the reference), its
 * {@link io.nty.conformance.ConformanceProvider} ({@link io.nty.conformance.example.SimpleProvider})
 * and the one test class that runs the whole suite against it
 * ({@link io.nty.conformance.example.SimpleSchedulerConformanceTest}); {@code docs/conformance.md}
 * ("A worked example") walks through them.
 *
 * <p>The same scheduler is also the suite's own target for planted faults: built with a
 * {@link io.nty.conformance.example.Fault} it must fail that fault's rule ({@code FaultyProvider},
 * {@code LifoProvider}, {@code ClobberingNativeProvider} and the teeth tests use it that way).
 * Without faults it passes every rule it declares capabilities for.
 */
package io.nty.conformance.example;
