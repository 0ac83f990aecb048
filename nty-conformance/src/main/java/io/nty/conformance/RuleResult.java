package io.nty.conformance;

/**
 * The outcome of verifying one rule.
 *
 * @param rule the rule
 * @param outcome verified, failed or not verified
 * @param detail the failure message or the reason it was not verified; empty when verified
 * @param millis how long the check took
 */
public record RuleResult(Rule rule, Outcome outcome, String detail, long millis) {

    /** What happened to a rule. */
    public enum Outcome {
        /** Every check passed. */
        VERIFIED,
        /** The implementation breaks the rule. */
        FAILED,
        /** The rule could not be checked here; never counts as passed. */
        NOT_VERIFIED
    }

    /**
     * Runs a check and records its outcome.
     *
     * @param rule the rule
     * @param check the check; throws {@link RuleViolation} or {@link NotVerifiedException}
     * @return the result
     */
    public static RuleResult of(Rule rule, Runnable check) {
        long start = System.nanoTime();
        try {
            check.run();
            return new RuleResult(rule, Outcome.VERIFIED, "", elapsed(start));
        } catch (NotVerifiedException e) {
            return new RuleResult(rule, Outcome.NOT_VERIFIED, e.reason(), elapsed(start));
        } catch (AssertionError e) {
            return new RuleResult(rule, Outcome.FAILED, e.getMessage(), elapsed(start));
        } catch (RuntimeException e) {
            return new RuleResult(rule, Outcome.FAILED, rule.cite() + ": the check itself failed with " + e, elapsed(start));
        }
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000L;
    }
}
