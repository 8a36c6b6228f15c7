package io.regionplan.rules.fact;

/**
 * A fact that a decision is about (a dealer, a city): the decision audit records its
 * inputs, the rules that matched it and the outcomes for it.
 */
public interface Subject {

	/** {@code dealer}, {@code city}, {@code region}, … */
	String subjectType();

	String subjectId();

}
