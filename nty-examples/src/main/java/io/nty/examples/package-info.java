/**
 * The runnable examples: a picocli command line ({@link io.nty.examples.Main}) with the demo, the
 * scheduler tour, NtyCo's samples ported (echo server, HTTP server, load client), a TCP proxy
 * with two pumps per connection ({@link io.nty.examples.proxy}) and a chat server
 * ({@link io.nty.examples.chat}) built on {@code nty-sync}'s channels.
 *
 * <p>Owns: command-line parsing and what each command prints. Must not touch: scheduling or
 * system calls directly — the commands use {@code nty-scheduler}, {@code nty-socket} and {@code nty-sync}'s
 * public API only, as an application would. Servers print {@code listening on HOST:PORT} once ready and
 * stop cleanly on SIGINT/SIGTERM.
 */
package io.nty.examples;
