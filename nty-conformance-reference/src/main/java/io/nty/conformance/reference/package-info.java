/**
 * nty's own reference scheduler ({@code nty-scheduler}, with {@code nty-socket}'s epoll poller and
 * {@code nty-switch-x86_64}'s native contexts) as a {@link io.nty.conformance.ConformanceProvider}:
 * what {@code --serve nty} and {@code --provider nty} run. This module depends on the TCK
 * ({@code nty-conformance}), never the reverse.
 */
package io.nty.conformance.reference;
