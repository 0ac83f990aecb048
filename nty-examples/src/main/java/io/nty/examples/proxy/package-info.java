/**
 * A TCP port forwarder on one scheduler thread: {@code proxy --listen P --to HOST:PORT}.
 *
 * <p>Owns: accepting, connecting upstream, and the two pumps of each connection — one coroutine
 * per direction, the natural way to write a proxy, which relies on §4.1's per-direction waits: a
 * pump may wait to read a socket while the other pump of the same connection waits to write it.
 * Must not touch: scheduling or system calls directly; it uses the public hooks of
 * {@code nty-socket} and {@code nty-api} only.
 */
package io.nty.examples.proxy;
