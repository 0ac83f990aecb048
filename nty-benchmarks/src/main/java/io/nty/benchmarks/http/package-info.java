/**
 * The peers of {@code nty-examples http} for side-by-side runs ({@code scripts/bench-http.sh}):
 * the same hello server on JDK virtual threads as a Java developer writes it (blocking sockets,
 * idle connections closed by a reaper like nty's; a labelled {@code SO_TIMEOUT} variant for
 * comparison) and on Netty's epoll transport, all with the same parser, limits and answers.
 * Benchmark-only: nothing in nty depends on them.
 */
package io.nty.benchmarks.http;
