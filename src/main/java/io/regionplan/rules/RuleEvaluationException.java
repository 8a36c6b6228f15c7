package io.regionplan.rules;

/**
 * A rule set that failed while it ran: a rule threw, or a limit was reached (firings,
 * time, memory, stack). The rule task fails and its transaction rolls back. The message
 * is fixed text naming the rule set, the rule and the limit or the kind of failure;
 * {@link #detail()} is what the failing code itself said, for the operators of a deployed
 * rule set (the incident), never for the answer to a what-if or a replay.
 */
public class RuleEvaluationException extends RuntimeException {

	private static final int MAX_DETAIL = 500;

	private final String detail;

	public RuleEvaluationException(String message, Throwable cause) {
		this(message, cause, null);
	}

	RuleEvaluationException(String message, Throwable cause, String detail) {
		super(message, cause);
		this.detail = detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL) + "…";
	}

	/** The failing code's own message, shortened; {@code null} for a limit. */
	public String detail() {
		return detail;
	}

	/** The message with the detail, for an incident. */
	public String withDetail() {
		return detail == null ? getMessage() : getMessage() + " — " + detail;
	}

}
