/**
 * The epoll {@link io.nty.api.spi.Poller} a scheduler polls in step (c) of its round (§3.3):
 * {@link io.nty.socket.epoll.EpollPoller}, and its {@link io.nty.api.spi.PollerProvider}, listed
 * in {@code META-INF/services/io.nty.api.spi.PollerProvider}. The wait mechanisms (lazy level
 * registrations by default: no {@code epoll_ctl} per wait in a request loop; or one-shot
 * registrations: one {@code EPOLL_CTL_MOD} per wait) are explained on {@code EpollPoller} and in
 * {@code docs/socket.md}.
 */
package io.nty.socket.epoll;
