package io.regionplan.market;

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

	private static final Set<String> TRUE = Set.of("true", "yes", "1", "是", "y");

	private static final Set<String> FALSE = Set.of("false", "no", "0", "否", "n");

	/** The parsed value, or a {@link Invalid} with the reason. */
	Object parse(String text) {
		return switch (this) {
			case ID -> ID_PATTERN.matcher(text).matches() ? text
					: new Invalid("不是有效编号（字母、数字、. _ -，最长 64）/ not a valid id (letters, digits, . _ -, up to 64)");
			case TEXT -> text.length() <= 200 ? text : new Invalid("超过 200 个字符 / longer than 200 characters");
			case INTEGER -> parseInteger(text);
			case DECIMAL -> parseDecimal(text);
			case MONTH -> MONTH_PATTERN.matcher(text).matches() ? text
					: new Invalid("月份须为 YYYY-MM / month must be YYYY-MM");
			case PERIOD -> MONTH_PATTERN.matcher(text).matches() || YEAR_PATTERN.matcher(text).matches() ? text
					: new Invalid("期间须为 YYYY 或 YYYY-MM / period must be YYYY or YYYY-MM");
			case BOOLEAN -> parseBoolean(text);
		};
	}

	private static Object parseInteger(String text) {
		try {
			return Long.parseLong(text);
		}
		catch (NumberFormatException ex) {
			return new Invalid("不是整数 / not a whole number");
		}
	}

	private static Object parseDecimal(String text) {
		try {
			return new BigDecimal(text);
		}
		catch (NumberFormatException ex) {
			return new Invalid("不是数字 / not a number");
		}
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
