package io.regionplan.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every type a rule file names, resolved as Java would (imports, {@code java.lang}, fully
 * qualified names) and held to {@link RuleTypes}: a name is refused with its line even
 * where the compiler drops the code that names it (an unused local, dead code), which the
 * check of the compiled classes cannot see. Strings and comments are not code and are
 * skipped; a name that resolves to no class is left to the compiler.
 */
final class RuleTypeNames {

	private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\u+([0-9a-fA-F]{4})");

	private final Map<String, String> imports = new HashMap<>();

	private final Map<String, Optional<Class<?>>> resolved = new HashMap<>();

	private RuleTypeNames(List<String> imports) {
		for (String imported : imports) {
			if (!imported.endsWith(".*")) {
				this.imports.put(imported.substring(imported.lastIndexOf('.') + 1), imported);
			}
		}
	}

	/** The names in {@code drl} of types rules may not use, with their lines. */
	static List<RuleFileProblem> check(String file, String drl, List<String> imports) {
		return new RuleTypeNames(imports).scan(file, decode(drl));
	}

	private List<RuleFileProblem> scan(String file, String text) {
		List<RuleFileProblem> problems = new ArrayList<>();
		Set<String> reported = new LinkedHashSet<>();
		int line = 1;
		for (int i = 0; i < text.length();) {
			char c = text.charAt(i);
			if (c == '\n') {
				line++;
				i++;
			}
			else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
				while (i < text.length() && text.charAt(i) != '\n') {
					i++;
				}
			}
			else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
				int end = text.indexOf("*/", i + 2);
				end = end < 0 ? text.length() : end + 2;
				line += count(text, i, end);
				i = end;
			}
			else if (c == '"' || c == '\'') {
				int end = i + 1;
				while (end < text.length() && text.charAt(end) != c && text.charAt(end) != '\n') {
					end += text.charAt(end) == '\\' ? 2 : 1;
				}
				i = Math.min(end + 1, text.length());
			}
			else if (Character.isJavaIdentifierStart(c) && !afterDot(text, i)) {
				List<String> chain = new ArrayList<>();
				int end = chain(text, i, chain);
				int at = line;
				type(chain)
					.filter(type -> !RuleTypes.allowsType(type.getName().replace('.', '/'), RuleTypes.Scope.RULE))
					.ifPresent(type -> {
						if (reported.add(type.getName())) {
							problems.add(refused(file, type.getName(), at));
						}
					});
				line += count(text, i, end);
				i = end;
			}
			else {
				i++;
			}
		}
		return problems;
	}

	static RuleFileProblem refused(String file, String type, int line) {
		return new RuleFileProblem(file, line, 0, "不允许使用类型 " + type + "（规则只能用事实类型、数字、String、Math、BigDecimal、"
				+ "RoundingMode 和只读的 List/Map/Set/Collection/Optional，见 README）/ the type " + type
				+ " is not allowed (rules may use only the fact types, numbers, String, Math, BigDecimal, RoundingMode "
				+ "and reading List/Map/Set/Collection/Optional; see the README)");
	}

	/**
	 * The class a dotted name starts with: {@code java.lang.Runtime.getRuntime} →
	 * {@code java.lang.Runtime}.
	 */
	private Optional<Class<?>> type(List<String> chain) {
		String first = chain.get(0);
		if (first.startsWith("$")) {
			return Optional.empty();
		}
		Optional<Class<?>> type = Optional.empty();
		int used = 1;
		if (Character.isUpperCase(first.charAt(0))) {
			type = simple(first);
		}
		else {
			StringBuilder name = new StringBuilder(first);
			for (int k = 1; k < chain.size() && type.isEmpty(); k++) {
				name.append('.').append(chain.get(k));
				type = load(name.toString());
				used = k + 1;
			}
		}
		// a nested type: Map.Entry, Foo.Bar.Baz
		for (int k = used; k < chain.size() && type.isPresent(); k++) {
			Optional<Class<?>> nested = load(type.get().getName() + "$" + chain.get(k));
			if (nested.isEmpty()) {
				break;
			}
			type = nested;
		}
		return type;
	}

	private Optional<Class<?>> simple(String name) {
		String imported = imports.get(name);
		if (imported != null) {
			return load(imported);
		}
		Optional<Class<?>> lang = load("java.lang." + name);
		return lang.isPresent() ? lang : load("io.regionplan.rules.fact." + name);
	}

	private Optional<Class<?>> load(String name) {
		return resolved.computeIfAbsent(name, key -> {
			try {
				return Optional.of(Class.forName(key, false, RuleTypeNames.class.getClassLoader()));
			}
			catch (ClassNotFoundException | LinkageError | IllegalArgumentException ex) {
				return Optional.empty();
			}
		});
	}

	/**
	 * Reads {@code a . b . c} from {@code start} into {@code chain}; returns the index
	 * after it.
	 */
	private static int chain(String text, int start, List<String> chain) {
		int i = start;
		while (true) {
			int end = i;
			while (end < text.length() && Character.isJavaIdentifierPart(text.charAt(end))) {
				end++;
			}
			chain.add(text.substring(i, end));
			int next = skipBlanks(text, end);
			if (next < text.length() && text.charAt(next) == '.') {
				int after = skipBlanks(text, next + 1);
				if (after < text.length() && Character.isJavaIdentifierStart(text.charAt(after))) {
					i = after;
					continue;
				}
			}
			return end;
		}
	}

	private static boolean afterDot(String text, int i) {
		int before = i - 1;
		while (before >= 0 && Character.isWhitespace(text.charAt(before))) {
			before--;
		}
		return before >= 0 && text.charAt(before) == '.';
	}

	private static int skipBlanks(String text, int i) {
		while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
			i++;
		}
		return i;
	}

	private static int count(String text, int from, int to) {
		int lines = 0;
		for (int i = from; i < to && i < text.length(); i++) {
			if (text.charAt(i) == '\n') {
				lines++;
			}
		}
		return lines;
	}

	/** Unicode escapes decoded, as Java decodes them before it reads a name. */
	private static String decode(String text) {
		Matcher escape = UNICODE_ESCAPE.matcher(text);
		StringBuilder out = new StringBuilder();
		while (escape.find()) {
			escape.appendReplacement(out,
					Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(escape.group(1), 16))));
		}
		escape.appendTail(out);
		return out.toString();
	}

}
