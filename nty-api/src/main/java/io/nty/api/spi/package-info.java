/**
 * The service-provider interfaces a scheduler drives: the context switch, the IO poller, the
 * clock, and the binding of a scheduler to its thread.
 *
 * <p>Implementations of these interfaces are called by a scheduler on its own thread only,
 * except {@link io.nty.api.spi.Poller#wakeup()}, which any thread may call. They must not call
 * back into the scheduler. Application code does not use this package.
 */
package io.nty.api.spi;
