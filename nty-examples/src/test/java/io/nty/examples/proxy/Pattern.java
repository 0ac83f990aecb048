package io.nty.examples.proxy;

/**
 * A reproducible byte stream per seed, so that a receiver can check every byte it gets without
 * keeping a copy of what was sent: byte {@code i} of stream {@code seed} is a byte of
 * SplitMix64 of ({@code seed}, {@code i / 8}).
 */
final class Pattern {

    private final long seed;

    Pattern(long seed) {
        this.seed = seed;
    }

    /** Fills {@code buf[0..len)} with the stream's bytes from {@code position} on. */
    void fill(byte[] buf, int len, long position) {
        for (int i = 0; i < len; i++) {
            buf[i] = at(position + i);
        }
    }

    /**
     * @return the index in {@code buf[0..len)} of the first byte that differs from the stream at
     *         {@code position}, or -1 if all match
     */
    int firstMismatch(byte[] buf, int len, long position) {
        for (int i = 0; i < len; i++) {
            if (buf[i] != at(position + i)) {
                return i;
            }
        }
        return -1;
    }

    private byte at(long index) {
        long z = seed * 0x9E3779B97F4A7C15L + (index >>> 3) + 1;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return (byte) (z >>> ((index & 7) * 8));
    }
}
