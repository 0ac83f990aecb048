/**
 * NtyCo's {@code nty_server} and {@code nty_bench} on nty: the echo handler and server, and a
 * load client on coroutines that spreads connections over 127.0.0.x source addresses and records
 * latency in a histogram.
 */
package io.nty.examples.echo;
