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
 * @param queryPhaseCpuNanos CPU time (user + system) of the whole client process in that phase, or -1
 * @param latency per-query latency
 * @param firstError the first failure, or {@code null}
 * @param sentinelTicks how often the sentinel (a 1 ms sleep loop beside the sessions) ran
 * @param sentinelTicksDuringQueries of those, how many found a query in flight: on one thread this
 *        is only possible if a waiting query suspended rather than blocked the thread
 * @param sentinelMaxGapMicros the longest the sentinel waited beyond its 1 ms sleep, whole run
 *        (connecting included: loading and initialising the driver's classes is CPU work that no
 *        coroutine can interrupt, §3.1)
 * @param sentinelMaxGapInPhaseMicros the same, in the query phase only
 */
public record ClientLoadResult(ClientRuntime runtime, int sessions, long queries, long errors, long queryPhaseNanos,
        long queryPhaseCpuNanos, LatencyHistogram latency, String firstError, long sentinelTicks,
        long sentinelTicksDuringQueries, long sentinelMaxGapMicros, long sentinelMaxGapInPhaseMicros) {

    /** @return queries per second in the query phase */
    public double queriesPerSecond() {
        return queryPhaseNanos <= 0 ? 0 : queries * 1e9 / queryPhaseNanos;
    }

    /** @return client CPU microseconds per query in the query phase, or -1 if unknown */
    public double cpuMicrosPerQuery() {
        return queryPhaseCpuNanos < 0 || queries == 0 ? -1 : queryPhaseCpuNanos / 1e3 / queries;
    }

    /** @return the sentinel's line, printed before the summary */
    public String sentinelLine() {
        return String.format(Locale.ROOT, "sentinel: %d ticks, %d with queries in flight, longest stall %d us"
                + " (%d us once all were connected)", sentinelTicks, sentinelTicksDuringQueries, sentinelMaxGapMicros,
                sentinelMaxGapInPhaseMicros);
    }

    /** @return the query phase's line: its length and the client's CPU per query */
    public String phaseLine() {
        return String.format(Locale.ROOT, "query phase: %.2f s, client cpu %.1f us/query", queryPhaseNanos / 1e9,
                cpuMicrosPerQuery());
    }

    /** @return the last line the commands print: totals, rate, percentiles, errors */
    public String summaryLine() {
        return String.format(Locale.ROOT,
                "runtime=%s connections=%d queries=%d qps=%.0f p50_us=%d p99_us=%d errors=%d",
                runtime.name().toLowerCase(Locale.ROOT), sessions, queries, queriesPerSecond(),
                latency.percentileMicros(50), latency.percentileMicros(99), errors);
    }
}
