/**
 * The jnr-ffi binding of libc and its Linux constants. Not API: only {@code io.nty.socket} and
 * {@code io.nty.socket.epoll} use it, and it may change without notice.
 */
package io.nty.socket.internal;
