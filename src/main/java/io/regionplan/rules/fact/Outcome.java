package io.regionplan.rules.fact;

/**
 * A result a rule inserted for one subject, with the plain-language reason built from
 * what fired.
 */
public interface Outcome {

	String subjectId();

	/**
	 * What kind of result: {@code tier}, {@code flag}, {@code strategy}, {@code band}, …
	 */
	String kind();

	/**
	 * The result itself, as shown to people: {@code A}, {@code OVERDUE},
	 * {@code BASE_CAMP}.
	 */
	String value();

	String reasonZh();

	String reasonEn();

}
