package io.regionplan.rules;

/**
 * A rule set that failed while it ran: a rule threw, or the rules fired more often than the cap
 * allows (an accidental loop). The rule task fails and its transaction rolls back.
 */
public class RuleEvaluationException extends RuntimeException {

	public RuleEvaluationException(String message, Throwable cause) {
		super(message, cause);
	}

}
