package io.nty.conformance;

/**
 * A rule failed: the message starts with the rule ({@code §3.3 …}) and says what happened, and
 * for generated scenarios also prints the minimal scenario in text form and the seed that replays it.
 */
public class RuleViolation extends AssertionError {

    private static final long serialVersionUID = 1L;

    private final transient Rule rule;

    /**
     * Creates the violation; its message cites the rule and its statement, then {@code message}.
     *
     * @param rule the rule broken
     * @param message what happened; the rule's citation is prepended
     */
    public RuleViolation(Rule rule, String message) {
        super(rule.cite() + " (" + rule.statement() + ") violated: " + message);
        this.rule = rule;
    }

    /** {@return the rule broken} */
    public Rule rule() {
        return rule;
    }
}
