package io.nty.conformance;

/**
 * A rule could not be checked against this implementation, for the stated reason (usually a
 * missing {@link Capability}). Reports list such rules as <em>not verified</em>, never as passed.
 */
public class NotVerifiedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The rule not verified; transient, so null after deserialization (the message still cites it). */
    private final transient Rule rule;
    /** Why the rule was not checked, e.g. the capability the implementation lacks. */
    private final String reason;

    /**
     * Creates the exception; its message cites the rule and gives the reason. It has no stack
     * trace: it reports a gap in the implementation's capabilities, not a fault in code.
     *
     * @param rule the rule
     * @param reason why it was not checked
     */
    public NotVerifiedException(Rule rule, String reason) {
        super(rule.cite() + " not verified: " + reason, null, false, false);
        this.rule = rule;
        this.reason = reason;
    }

    /** {@return the rule that was not verified; null after deserialization} */
    public Rule rule() {
        return rule;
    }

    /** {@return why the rule was not checked} */
    public String reason() {
        return reason;
    }
}
