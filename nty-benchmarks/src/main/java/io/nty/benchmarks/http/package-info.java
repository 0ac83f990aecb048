/**
 * The peers of {@code nty-examples http} for side-by-side runs: the same hello server on JDK
 * virtual threads (same parser and answer loop) and on Netty's epoll transport. Benchmark-only:
 * nothing in nty depends on them.
 */
package io.nty.benchmarks.http;
