package io.regionplan.system;

/**
 * An exception caused by bad input from the caller (a field that is missing or wrong): the APIs answer
 * 400 with its message and field instead of a server error.
 */
public interface InvalidInput {

	/** The field the message is about, or {@code null}. */
	String field();

	String getMessage();

}
