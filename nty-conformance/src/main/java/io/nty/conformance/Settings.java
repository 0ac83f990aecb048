package io.nty.conformance;

import java.util.concurrent.ThreadLocalRandom;

/**
 * How hard the suite tries, from system properties.
 *
 * <ul>
 *   <li>{@value #SEED}: the QuickTheories seed; set it to the seed a failure printed to replay
 *       that failure exactly. Default: a fresh random seed per run.</li>
 *   <li>{@value #EXAMPLES}: scenarios generated per rule (default {@value #DEFAULT_EXAMPLES}).</li>
 * </ul>
 *
 * @param seed the seed every property of this run uses
 * @param examples scenarios per rule
 */
public record Settings(long seed, int examples) {

    /** System property: the seed to use. */
    public static final String SEED = "nty.conformance.seed";
    /** System property: scenarios generated per rule. */
    public static final String EXAMPLES = "nty.conformance.examples";
    /** The default number of scenarios per rule. */
    public static final int DEFAULT_EXAMPLES = 300;

    /** @return settings from the system properties, with a fresh random seed if none is named */
    public static Settings fromSystemProperties() {
        return withDefaultSeed(ThreadLocalRandom.current().nextLong());
    }

    /**
     * For builds that must be deterministic: a fixed seed unless {@value #SEED} names another.
     *
     * @param seed the seed to use when the system property is absent
     * @return settings from the system properties
     */
    public static Settings withDefaultSeed(long seed) {
        String named = System.getProperty(SEED);
        long s = named == null || named.isBlank() ? seed : Long.parseLong(named.strip());
        return new Settings(s, Integer.getInteger(EXAMPLES, DEFAULT_EXAMPLES));
    }
}
