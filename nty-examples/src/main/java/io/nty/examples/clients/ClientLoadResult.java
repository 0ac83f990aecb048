package io.nty.examples.clients;

import io.nty.examples.echo.LatencyHistogram;
import java.util.Locale;

/**
 * The figures of one {@link ClientLoad} run.
 *
 * @param runtime where the sessions ran
 * @param sessions sessions started
 * @param queries queries that returned the right result
 * @param errors sessions that failed
 * @param queryPhaseNanos from the moment every session was connected (or failed) to the end
 * @param latency per-query latency
 * @param firstError the first failure, or {@code null}
 * @param sentinelTicks how often the sentinel (a 1 ms sleep loop beside the sessions) ran
 * @param sentinelTicksDuringQueries of those, how many found a query in flight: on one thread this
 *        is only possible if a waiting query suspended rather than blocked the thread
 * @param sentinelMaxGapMicros the longest the sentinel waited beyond its 1 ms sleep
 */
public record ClientLoadResult(ClientRuntime runtime, int sessions, long queries, long errors, long queryPhaseNanos,
        LatencyHistogram latency, String firstError, long sentinelTicks, long sentinelTicksDuringQueries,
        long sentinelMaxGapMicros) {

    /** @return queries per second in the query phase */
    public double queriesPerSecond() {
        return queryPhaseNanos <= 0 ? 0 : queries * 1e9 / queryPhaseNanos;
    }

    /** @return the sentinel's line, printed before the summary */
    public String sentinelLine() {
        return String.format(Locale.ROOT, "sentinel: %d ticks, %d with queries in flight, longest stall %d us",
                sentinelTicks, sentinelTicksDuringQueries, sentinelMaxGapMicros);
    }

    /** @return the last line the commands print: totals, rate, percentiles, errors */
    public String summaryLine() {
        return String.format(Locale.ROOT,
                "runtime=%s connections=%d queries=%d qps=%.0f p50_us=%d p99_us=%d errors=%d",
                runtime.name().toLowerCase(Locale.ROOT), sessions, queries, queriesPerSecond(),
                latency.percentileMicros(50), latency.percentileMicros(99), errors);
    }
}
