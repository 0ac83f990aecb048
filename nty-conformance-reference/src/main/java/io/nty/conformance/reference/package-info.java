/**
 * nty's own reference scheduler ({@code nty-scheduler}, with {@code nty-socket}'s epoll poller and
 * {@code nty-switch-x86_64}'s native contexts) as a {@link io.nty.conformance.ConformanceProvider}:
 * what {@code --serve nty} and {@code --provider nty} run; and {@link
 * io.nty.conformance.reference.LibcFdPlacement}, which places real socket pairs' fds past 64 and
 * 1024 for every real-fd run with this module on the class path. This module depends on the TCK
 * ({@code nty-conformance}), never the reverse.
 */
package io.nty.conformance.reference;
