package io.regionplan.market.imports;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The types a market data column can have, each parsing its text the one documented way
 * (docs/data-formats.md). A parse failure is a reason for the report, never an exception.
 */
enum ValueType {

	ID, TEXT, INTEGER, DECIMAL, MONTH, PERIOD, BOOLEAN;

	private static final Pattern ID_PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

	private static final Pattern MONTH_PATTERN = Pattern.compile("(19|20)\\d\\d-(0[1-9]|1[0-2])");

	private static final Pattern YEAR_PATTERN = Pattern.compile("(19|20)\\d\\d");

	/**
	 * ASCII digits only: {@link BigDecimal} and {@link Long} would also take full-width
	 * (１２３) and other digits.
	 */
	private static final Pattern DECIMAL_PATTERN = Pattern
		.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]{1,4})?");

	private static final Pattern INTEGER_PATTERN = Pattern.compile("[+-]?[0-9]+");

	/** Longer than any column holds; also spares parsing a megabyte of digits. */
	private static final int MAX_NUMBER_LENGTH = 40;

	private static final String TOO_LONG = "数字超过 40 个字符 / a number of more than 40 characters";

	private static final String ASCII_DIGITS = "请使用半角数字 0-9，不要用全角数字（如１２３）/ use ASCII digits 0-9, not full-width "
			+ "digits (１２３) or other scripts' digits";

	private static final Set<String> TRUE = Set.of("true", "yes", "1", "是", "y");

	private static final Set<String> FALSE = Set.of("false", "no", "0", "否", "n");

	/**
	 * The parsed value, or a {@link Invalid} with the reason. Digits other than ASCII 0-9
	 * are refused everywhere but in text, with a reason that says so.
	 */
	Object parse(String text) {
		Object value = parseAscii(text);
		return value instanceof Invalid && this != TEXT && otherDigits(text) ? new Invalid(ASCII_DIGITS) : value;
	}

	private Object parseAscii(String text) {
		return switch (this) {
			case ID -> ID_PATTERN.matcher(text).matches() ? text
					: new Invalid("不是有效编号（字母、数字、. _ -，最长 64）/ not a valid id (letters, digits, . _ -, up to 64)");
			case TEXT -> text.length() <= 200 ? text : new Invalid("超过 200 个字符 / longer than 200 characters");
			case INTEGER -> parseInteger(text);
			case DECIMAL -> parseDecimal(text);
			case MONTH ->
				MONTH_PATTERN.matcher(text).matches() ? text : new Invalid("月份须为 YYYY-MM / month must be YYYY-MM");
			case PERIOD -> MONTH_PATTERN.matcher(text).matches() || YEAR_PATTERN.matcher(text).matches() ? text
					: new Invalid("期间须为 YYYY 或 YYYY-MM / period must be YYYY or YYYY-MM");
			case BOOLEAN -> parseBoolean(text);
		};
	}

	/**
	 * A whole number as a {@link BigDecimal} of scale 0: the column's range decides
	 * whether it fits.
	 */
	private static Object parseInteger(String text) {
		if (text.length() > MAX_NUMBER_LENGTH) {
			return new Invalid(TOO_LONG);
		}
		if (INTEGER_PATTERN.matcher(text).matches()) {
			return new BigDecimal(text);
		}
		return new Invalid("不是整数 / not a whole number");
	}

	private static Object parseDecimal(String text) {
		if (text.length() > MAX_NUMBER_LENGTH) {
			return new Invalid(TOO_LONG);
		}
		if (DECIMAL_PATTERN.matcher(text).matches()) {
			return new BigDecimal(text);
		}
		return new Invalid("不是数字 / not a number");
	}

	private static boolean otherDigits(String text) {
		return text.chars().anyMatch(c -> Character.isDigit(c) && (c < '0' || c > '9'));
	}

	private static Object parseBoolean(String text) {
		String value = text.toLowerCase(Locale.ROOT);
		if (TRUE.contains(value)) {
			return Boolean.TRUE;
		}
		if (FALSE.contains(value)) {
			return Boolean.FALSE;
		}
		return new Invalid("须为 true/false、是/否 / must be true/false or 是/否");
	}

	/** A value that did not parse, with the reason in both languages. */
	record Invalid(String reason) {
	}

}
