package io.regionplan.system;

import java.util.regex.Pattern;

/**
 * What an error message may repeat of the caller's input: an id (letters, digits,
 * {@code . _ : -}, at most 64) as it is, quoted; anything else is not repeated. Messages
 * travel into pages, logs and other people's browsers, and a link can put any text into a
 * parameter.
 */
public final class Echo {

	private static final Pattern ID = Pattern.compile("[\\p{L}\\p{N}._:-]{1,64}");

	private Echo() {
	}

	/** {@code 'east'}, or a note that the value is not an id. */
	public static String id(String value) {
		if (value != null && ID.matcher(value).matches()) {
			return "'" + value + "'";
		}
		return "(不是有效的标识 / not a valid id)";
	}

}
