/**
 * nty's own reference scheduler ({@code nty-scheduler}, an optional dependency) as a
 * {@link io.nty.conformance.ConformanceProvider}: what {@code --serve nty} and
 * {@code --provider nty} run.
 */
package io.nty.conformance.reference;
