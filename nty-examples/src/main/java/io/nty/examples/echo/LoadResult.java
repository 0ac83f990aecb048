package io.nty.examples.echo;

import java.util.Locale;

/**
 * What a load run measured.
 *
 * @param connections connections that were established
 * @param requests round trips completed
 * @param elapsedNanos the measured time, from the first connect to the end of the run
 * @param errors connections that failed (refused, reset, timed out, or a wrong echo)
 * @param latency round-trip latencies
 * @param firstError the first failure's message, or null
 * @param allConnectedNanos when the last connection was established, from the start; -1 if some never were
 * @param steadyRequests round trips completed after every connection was established
 */
public record LoadResult(int connections, long requests, long elapsedNanos, long errors,
        LatencyHistogram latency, String firstError, long allConnectedNanos, long steadyRequests) {

    /** @return completed round trips per second */
    public double requestsPerSecond() {
        return elapsedNanos == 0 ? 0 : requests * 1e9 / elapsedNanos;
    }

    /**
     * @return round trips per second once all connections were open (the connect ramp of many
     *         connections left out), or {@link #requestsPerSecond()} if some never opened
     */
    public double steadyRequestsPerSecond() {
        long steadyNanos = elapsedNanos - allConnectedNanos;
        return allConnectedNanos < 0 || steadyNanos <= 0 ? requestsPerSecond() : steadyRequests * 1e9 / steadyNanos;
    }

    /** @return {@code requests=… rps=… p50_us=… p99_us=… errors=…}, the last line of {@code bench-echo} */
    public String summaryLine() {
        return String.format(Locale.ROOT, "requests=%d rps=%.0f p50_us=%d p99_us=%d errors=%d",
                requests, requestsPerSecond(), latency.percentileMicros(50), latency.percentileMicros(99), errors);
    }
}
