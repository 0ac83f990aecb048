package io.nty.conformance;

import java.util.concurrent.ThreadLocalRandom;

/**
 * How hard the suite tries, and how a failure tells its reader to replay it.
 *
 * <p>{@link #fromSystemProperties()} and {@link #withDefaultSeed} read, once, when a run is set
 * up (the JUnit base class does, the command line passes its options instead):
 * <ul>
 *   <li>{@value #SEED}: the QuickTheories seed; set it to the seed a failure printed to replay
 *       that failure exactly. Default: a fresh random seed per run.</li>
 *   <li>{@value #EXAMPLES}: scenarios generated per rule (default {@value #DEFAULT_EXAMPLES}).</li>
 * </ul>
 *
 * @param seed the seed every property of this run uses
 * @param examples scenarios per rule
 * @param replay how failure messages say to replay a seed
 */
public record Settings(long seed, int examples, Replay replay) {

    /** System property: the seed to use. */
    public static final String SEED = "nty.conformance.seed";
    /** System property: scenarios generated per rule. */
    public static final String EXAMPLES = "nty.conformance.examples";
    /** The default number of scenarios per rule. */
    public static final int DEFAULT_EXAMPLES = 300;

    /**
     * Checks the settings.
     *
     * @param seed the seed every property of this run uses; any value
     * @param examples scenarios per rule, {@code >= 1}
     * @param replay how failure messages say to replay a seed
     * @throws IllegalArgumentException if {@code examples < 1}
     * @throws NullPointerException if {@code replay} is null
     */
    public Settings {
        if (examples < 1) {
            throw new IllegalArgumentException("examples must be at least 1, not " + examples);
        }
        java.util.Objects.requireNonNull(replay, "replay");
    }

    /**
     * Settings whose failures say to replay with {@code -D}{@value #SEED}.
     *
     * @param seed the seed
     * @param examples scenarios per rule
     */
    public Settings(long seed, int examples) {
        this(seed, examples, Replay.SYSTEM_PROPERTY);
    }

    /** How a failure message says to run the same scenarios again: the entry point's own syntax. */
    public enum Replay {
        /** {@code -Dnty.conformance.seed=N}: JUnit runs. */
        SYSTEM_PROPERTY,
        /** {@code --seed N}: the command line. */
        COMMAND_LINE;

        /**
         * {@return the option that replays {@code seed}}
         *
         * @param seed the seed to replay
         */
        public String hint(long seed) {
            return switch (this) {
                case SYSTEM_PROPERTY -> "-D" + SEED + "=" + seed;
                case COMMAND_LINE -> "--seed " + seed;
            };
        }

        /** {@return how to run one printed scenario alone, or empty where there is no short way} */
        public String scenarioHint() {
            return switch (this) {
                case SYSTEM_PROPERTY -> "";
                case COMMAND_LINE -> "; this scenario alone: save it to a file and run with --replay FILE";
            };
        }
    }

    /**
     * {@return these settings with that replay hint}
     *
     * @param replay how failures say to replay
     */
    public Settings withReplay(Replay replay) {
        return new Settings(seed, examples, replay);
    }

    /**
     * {@return these settings with that many scenarios per rule}
     *
     * @param examples scenarios per rule
     */
    public Settings withExamples(int examples) {
        return new Settings(seed, examples, replay);
    }

    /** {@return settings from the system properties, with a fresh random seed if none is named} */
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
