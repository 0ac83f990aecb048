package io.nty.examples.echo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void percentilesOfAUniformRangeAreWithinTheResolution() {
        LatencyHistogram h = new LatencyHistogram();
        for (long us = 1; us <= 100_000; us++) {
            h.recordNanos(us * 1_000);
        }
        assertThat(h.count()).isEqualTo(100_000);
        assertThat((double) h.percentileMicros(50)).isCloseTo(50_000, within(50_000 * 0.002));
        assertThat((double) h.percentileMicros(99)).isCloseTo(99_000, within(99_000 * 0.002));
        assertThat(h.percentileMicros(100)).isEqualTo(100_000);
        assertThat(h.percentileMicros(0.001)).isEqualTo(1);
    }

    @Test
    void bucketsCoverEveryValueOnce() {
        for (long v : new long[] {0, 1, 1023, 1024, 1025, 2047, 2048, 123_456_789, 1L << 39}) {
            int i = LatencyHistogram.index(v);
            assertThat(LatencyHistogram.highestValueIn(i)).as("top of the bucket of %d", v).isGreaterThanOrEqualTo(v);
            if (i > 0) {
                assertThat(LatencyHistogram.highestValueIn(i - 1)).as("top of the bucket below %d", v).isLessThan(v);
            }
        }
    }

    @Test
    void addMergesCountsAndMax() {
        LatencyHistogram a = new LatencyHistogram();
        LatencyHistogram b = new LatencyHistogram();
        a.recordNanos(10_000);
        b.recordNanos(3_000_000);
        a.add(b);
        assertThat(a.count()).isEqualTo(2);
        assertThat(a.maxMicros()).isEqualTo(3_000);
        assertThat(a.percentileMicros(50)).isEqualTo(10);
    }
}
