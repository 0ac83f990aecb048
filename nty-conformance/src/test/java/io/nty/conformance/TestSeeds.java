package io.nty.conformance;

/**
 * Seeds for this module's own tests: fixed, so the build is deterministic, unless
 * {@value Settings#SEED} is given (to replay a failure, or to explore with fresh seeds).
 */
public final class TestSeeds {

    /** The fixed seed of this module's build. */
    public static final long DEFAULT_SEED = 20261123L;

    private TestSeeds() {
    }

    /** @return the fixed seed, or the one named by the system property; examples from {@value Settings#EXAMPLES} */
    public static Settings settings() {
        return Settings.withDefaultSeed(DEFAULT_SEED);
    }
}
