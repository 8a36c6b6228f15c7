package io.regionplan.rules;

import java.util.Map;

/**
 * The fixed text for an exception a rule ran into, by its kind only: an exception's own
 * message may hold what the rule code computed (a fact's value, a string it built), and
 * what a rule computes is not passed on in an error (a what-if would otherwise read data
 * out through its error message).
 */
final class RuleFailures {

	private static final Map<Class<? extends Throwable>, String[]> TEXTS = Map.of(ArithmeticException.class,
			new String[] { "算术错误（除以零或无限小数）", "arithmetic error (division by zero or a non-terminating decimal)" },
			NumberFormatException.class, new String[] { "不是数字", "a text is not a number" }, NullPointerException.class,
			new String[] { "缺少值（null）", "a value is missing (null)" }, ClassCastException.class,
			new String[] { "类型不符", "a value is of the wrong type" }, IndexOutOfBoundsException.class,
			new String[] { "下标越界", "an index is out of range" }, IllegalArgumentException.class,
			new String[] { "参数无效（例如缺少参数或参数不是数字）", "an invalid argument (e.g. a parameter missing or not a number)" },
			UnsupportedOperationException.class,
			new String[] { "不支持的操作（例如修改只读列表）", "an operation that is not supported (e.g. changing a read-only list)" });

	private RuleFailures() {
	}

	static String zh(Throwable failure) {
		return text(failure)[0] + "（" + failure.getClass().getSimpleName() + "）";
	}

	static String en(Throwable failure) {
		return text(failure)[1] + " (" + failure.getClass().getSimpleName() + ")";
	}

	private static String[] text(Throwable failure) {
		for (Class<?> type = failure.getClass(); type != null; type = type.getSuperclass()) {
			String[] text = TEXTS.get(type);
			if (text != null) {
				return text;
			}
		}
		return new String[] { "抛出异常", "an exception was thrown" };
	}

}
