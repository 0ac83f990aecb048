/**
 * Draws benchmark output as charts for {@code docs/performance.md} (XChart), from the per-round
 * tables the benchmark scripts write.
 */
package io.nty.benchmarks.charts;
