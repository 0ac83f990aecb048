package io.nty.examples.echo;

/**
 * Counts latencies in microseconds with bounded memory and a relative error under 0.2 %:
 * values below 1024 µs have a bucket each, larger ones share buckets 1/512 of their power of
 * two wide (the layout of HdrHistogram with two significant digits and a half). Not
 * thread-safe: one histogram per scheduler thread.
 */
public final class LatencyHistogram {

    private static final int LINEAR = 1024;
    private static final int SUB_BUCKETS = 512;
    private static final int SUB_BITS = 9;
    /** Buckets up to 2^40 µs (12 days), far beyond any run. */
    private static final int MAX_EXPONENT = 40 - 10;

    private final long[] counts = new long[LINEAR + MAX_EXPONENT * SUB_BUCKETS];
    private long total;
    private long max;

    /** Records one latency; negative values count as 0. */
    public void recordNanos(long nanos) {
        long micros = Math.max(0, nanos / 1_000);
        counts[index(micros)]++;
        total++;
        max = Math.max(max, micros);
    }

    /** @return how many values were recorded */
    public long count() {
        return total;
    }

    /** @return the largest value recorded, in µs */
    public long maxMicros() {
        return max;
    }

    /**
     * @param percentile in (0, 100]
     * @return the smallest bucket value that at least {@code percentile} % of the values do not
     *         exceed, in µs; 0 if nothing was recorded
     */
    public long percentileMicros(double percentile) {
        if (!(percentile > 0 && percentile <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100]: " + percentile);
        }
        if (total == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(total * percentile / 100.0);
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return Math.min(max, highestValueIn(i));
            }
        }
        return max;
    }

    /** Adds every value of {@code other} to this one. */
    public void add(LatencyHistogram other) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
        total += other.total;
        max = Math.max(max, other.max);
    }

    static int index(long micros) {
        if (micros < LINEAR) {
            return (int) micros;
        }
        int exponent = 63 - Long.numberOfLeadingZeros(micros) - SUB_BITS; // >= 1
        if (exponent > MAX_EXPONENT) {
            return LINEAR + MAX_EXPONENT * SUB_BUCKETS - 1;
        }
        int sub = (int) (micros >>> exponent) - SUB_BUCKETS; // 0 .. 511
        return LINEAR + (exponent - 1) * SUB_BUCKETS + sub;
    }

    static long highestValueIn(int index) {
        if (index < LINEAR) {
            return index;
        }
        int exponent = (index - LINEAR) / SUB_BUCKETS + 1;
        long sub = (index - LINEAR) % SUB_BUCKETS + SUB_BUCKETS;
        return ((sub + 1) << exponent) - 1;
    }
}
