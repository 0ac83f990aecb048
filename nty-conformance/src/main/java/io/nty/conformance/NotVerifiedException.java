package io.nty.conformance;

/**
 * A rule could not be checked against this implementation, for the stated reason (usually a
 * missing {@link Capability}). Reports list such rules as <em>not verified</em>, never as passed.
 */
public class NotVerifiedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Rule rule;
    private final String reason;

    /**
     * @param rule the rule
     * @param reason why it was not checked
     */
    public NotVerifiedException(Rule rule, String reason) {
        super(rule.cite() + " not verified: " + reason, null, false, false);
        this.rule = rule;
        this.reason = reason;
    }

    /** @return the rule */
    public Rule rule() {
        return rule;
    }

    /** @return why it was not checked */
    public String reason() {
        return reason;
    }
}
