package io.regionplan.forms;

import java.util.Set;

/**
 * What a text a person types into a form may hold: letters, marks, digits, punctuation,
 * symbols and spaces, and in a text area line breaks and tabs. Anything else — control
 * characters, invisible format characters (zero-width spaces and joiners, the direction
 * overrides and isolates that reorder what an approver reads), line and paragraph
 * separators, unpaired surrogates, private-use and unassigned code points — is refused. A
 * text counts as written only when it shows at least one letter, digit, punctuation mark
 * or symbol: spaces of any kind, and the few characters that are drawn as nothing, are
 * not a reason.
 */
public final class FormText {

	/** Letters and a symbol that are drawn blank (fillers, the empty braille cell). */
	private static final Set<Integer> DRAWN_BLANK = Set.of(0x115F, 0x1160, 0x3164, 0xFFA0, 0x2800);

	private FormText() {
	}

	/** Whether the text shows anything. */
	public static boolean written(String text) {
		return text.codePoints().anyMatch(FormText::shows);
	}

	/**
	 * No value, or one whose text shows nothing: what a rule asking for a reason refuses.
	 */
	public static boolean blank(Object value) {
		return value == null || !written(String.valueOf(value));
	}

	/** A code point a text may not hold, and where it is (from 1). */
	record Refused(int codePoint, int position) {

		String code() {
			return String.format("U+%04X", codePoint);
		}

	}

	/**
	 * The first code point the text may not hold; {@code null} when every one is allowed.
	 */
	static Refused refused(String text, boolean lines) {
		int position = 0;
		for (int i = 0; i < text.length();) {
			int c = text.codePointAt(i);
			position++;
			if (!shows(c) && !blank(c, lines) && !DRAWN_BLANK.contains(c)) {
				return new Refused(c, position);
			}
			i += Character.charCount(c);
		}
		return null;
	}

	private static boolean shows(int c) {
		if (DRAWN_BLANK.contains(c)) {
			return false;
		}
		return switch (Character.getType(c)) {
			case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
					Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER,
					Character.LETTER_NUMBER, Character.OTHER_NUMBER, Character.CONNECTOR_PUNCTUATION,
					Character.DASH_PUNCTUATION, Character.START_PUNCTUATION, Character.END_PUNCTUATION,
					Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION, Character.OTHER_PUNCTUATION,
					Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL,
					Character.OTHER_SYMBOL ->
				true;
			default -> false;
		};
	}

	/**
	 * Allowed but shows nothing on its own: spaces, marks that combine with a letter, and
	 * in a text area line breaks and tabs.
	 */
	private static boolean blank(int c, boolean lines) {
		int type = Character.getType(c);
		return type == Character.SPACE_SEPARATOR || type == Character.NON_SPACING_MARK
				|| type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK
				|| lines && (c == '\n' || c == '\r' || c == '\t');
	}

}
