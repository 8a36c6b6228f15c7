package io.regionplan.rules;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a rule file must not do: it may use the fact types and java.lang, java.math and java.util, and
 * nothing that reaches the system, files, the network, threads or reflection. A rule file is code that
 * runs inside the application, so its text is checked before it is compiled, after undoing the tricks
 * that would hide a name from a plain search (unicode escapes, comments, spaces around dots, fully
 * qualified names). String literals are left out: a name in a reason text is harmless, and turning a
 * string into a class needs reflection, which is refused.
 */
public final class RuleGuard {

	private static final Pattern IMPORT = Pattern.compile("(?m)^\\s*import\\s+(?:function\\s+|static\\s+)?([\\w.*$]+)");

	private static final List<String> ALLOWED_IMPORTS = List.of("io.regionplan.rules.fact.", "java.lang.", "java.math.",
			"java.util.");

	/** Forbidden names, as whole words or qualified-name prefixes, with the reason shown to the author. */
	private static final Map<String, String> FORBIDDEN = Map.ofEntries(Map.entry("System", "System"),
			Map.entry("Runtime", "Runtime"), Map.entry("ProcessBuilder", "ProcessBuilder"), Map.entry("Process", "Process"),
			Map.entry("Thread", "threads"), Map.entry("ThreadGroup", "threads"), Map.entry("Executors", "threads"),
			Map.entry("ForkJoinPool", "threads"), Map.entry("CompletableFuture", "threads"),
			Map.entry("Class", "reflection"), Map.entry("ClassLoader", "reflection"), Map.entry("getClass", "reflection"),
			Map.entry("forName", "reflection"), Map.entry("getDeclaredMethod", "reflection"),
			Map.entry("getMethod", "reflection"), Map.entry("getMethods", "reflection"), Map.entry("getFields", "reflection"),
			Map.entry("getConstructors", "reflection"), Map.entry("getDeclaredMethods", "reflection"), Map.entry("getDeclaredField", "reflection"), Map.entry("setAccessible", "reflection"),
			Map.entry("newInstance", "reflection"), Map.entry("MethodHandles", "reflection"), Map.entry("invoke", "reflection"),
			Map.entry("Unsafe", "reflection"), Map.entry("SecurityManager", "System"), Map.entry("exit", "System"),
			Map.entry("exec", "Runtime"), Map.entry("ServiceLoader", "reflection"), Map.entry("ScriptEngineManager", "scripting"),
			Map.entry("File", "files"), Map.entry("Files", "files"), Map.entry("Paths", "files"), Map.entry("Socket", "network"),
			Map.entry("URL", "network"), Map.entry("URI", "network"), Map.entry("HttpClient", "network"),
			Map.entry("ObjectInputStream", "files"), Map.entry("kcontext", "the engine"), Map.entry("drools", "the engine"));

	private static final List<String> FORBIDDEN_PACKAGES = List.of("java.io", "java.nio", "java.net", "java.lang.reflect",
			"java.lang.invoke", "java.util.concurrent", "javax", "jakarta", "sun", "com.sun", "jdk", "org.", "io.regionplan.");

	private static final Pattern WORD = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

	private static final Pattern QUALIFIED = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*(?:\\.[A-Za-z_$][A-Za-z0-9_$]*)+");

	private RuleGuard() {
	}

	public static List<RuleFileProblem> check(String file, byte[] content) {
		String source = new String(content, StandardCharsets.UTF_8);
		String code = normalize(source);
		List<RuleFileProblem> problems = new ArrayList<>();
		Matcher imports = IMPORT.matcher(code);
		while (imports.find()) {
			String imported = imports.group(1);
			if (ALLOWED_IMPORTS.stream().noneMatch(imported::startsWith)) {
				problems.add(new RuleFileProblem(file, line(code, imports.start(1)), 0, "不允许导入 " + imported
						+ "（只可用事实类型和 java.lang/java.math/java.util）/ import of " + imported
						+ " is not allowed (only the fact types and java.lang, java.math, java.util)"));
			}
		}
		Matcher qualified = QUALIFIED.matcher(code);
		while (qualified.find()) {
			String name = qualified.group();
			if (name.startsWith("io.regionplan.rules.fact.")) {
				continue;
			}
			for (String forbidden : FORBIDDEN_PACKAGES) {
				if (name.equals(forbidden) || name.startsWith(forbidden.endsWith(".") ? forbidden : forbidden + ".")) {
					problems.add(new RuleFileProblem(file, line(code, qualified.start()), 0,
							"不允许使用 " + name + " / " + name + " is not allowed in a rule file"));
					break;
				}
			}
		}
		Matcher classLiteral = Pattern.compile("\\.class\\b").matcher(code);
		while (classLiteral.find()) {
			problems.add(new RuleFileProblem(file, line(code, classLiteral.start()), 0,
					"不允许使用类字面量 .class（反射）/ a class literal (.class) is not allowed in a rule file (reflection)"));
		}
		Matcher words = WORD.matcher(code);
		while (words.find()) {
			String reason = FORBIDDEN.get(words.group());
			if (reason != null) {
				problems.add(new RuleFileProblem(file, line(code, words.start()), 0, "不允许使用 " + words.group() + "（" + reason
						+ "）/ " + words.group() + " is not allowed in a rule file (" + reason + ")"));
			}
		}
		return problems;
	}

	/** Unicode escapes decoded, comments and string literals blanked (lines kept), spaces around dots removed. */
	static String normalize(String source) {
		String text = decodeUnicodeEscapes(source);
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
				while (i < text.length() && text.charAt(i) != '\n') {
					i++;
				}
				if (i < text.length()) {
					out.append('\n');
				}
			}
			else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
				i += 2;
				while (i + 1 < text.length() && !(text.charAt(i) == '*' && text.charAt(i + 1) == '/')) {
					out.append(text.charAt(i) == '\n' ? '\n' : ' ');
					i++;
				}
				i++;
				out.append(' ');
			}
			else if (c == '"' || c == '\'') {
				out.append(c);
				i++;
				while (i < text.length() && text.charAt(i) != c) {
					if (text.charAt(i) == '\\') {
						i++;
					}
					else if (text.charAt(i) == '\n') {
						out.append('\n');
					}
					i++;
				}
				out.append(c);
			}
			else {
				out.append(c);
			}
		}
		// "java\n.io" is "java.io": the line break moves behind the name, so later lines keep their numbers
		return out.toString().replaceAll("[ \\t]*\\.[ \\t]*", ".")
			.replaceAll("([A-Za-z0-9_$])((?:[ \\t]*\\n[ \\t]*)+)\\.([A-Za-z_$][A-Za-z0-9_$.]*)", "$1.$3$2")
			.replaceAll("([A-Za-z0-9_$])\\.((?:[ \\t]*\\n[ \\t]*)+)([A-Za-z_$][A-Za-z0-9_$.]*)", "$1.$3$2");
	}

	private static String decodeUnicodeEscapes(String text) {
		Matcher escape = Pattern.compile("\\\\u+([0-9a-fA-F]{4})").matcher(text);
		StringBuilder out = new StringBuilder();
		while (escape.find()) {
			escape.appendReplacement(out, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(escape.group(1), 16))));
		}
		escape.appendTail(out);
		return out.toString();
	}

	private static int line(String text, int offset) {
		int line = 1;
		for (int i = 0; i < offset; i++) {
			if (text.charAt(i) == '\n') {
				line++;
			}
		}
		return line;
	}

}
