package io.regionplan.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The problems found in a rule set's compiled classes, each reported at the rule its
 * class belongs to: the rule's file, and the line of the first occurrence of what it is
 * about (a name, a keyword) within the rule's text, else the rule's first line. Each
 * problem once.
 */
final class RuleProblems {

	private final Map<String, RuleLanguageCheck.RuleSpan> spans = new LinkedHashMap<>();

	private final Map<String, String> texts;

	private final GeneratedRuleMap rules;

	private final Set<String> seen = new LinkedHashSet<>();

	private final List<RuleFileProblem> found = new ArrayList<>();

	/**
	 * @param spans where each rule is, from {@link RuleLanguageCheck}
	 * @param texts the text of each rule file
	 */
	RuleProblems(List<RuleLanguageCheck.RuleSpan> spans, Map<String, String> texts, GeneratedRuleMap rules) {
		spans.forEach(span -> this.spans.putIfAbsent(span.rule(), span));
		this.texts = texts;
		this.rules = rules;
	}

	List<RuleFileProblem> all() {
		return List.copyOf(found);
	}

	/**
	 * @param word what to look for in the rule's text: a regular expression (a quoted
	 * name, keywords)
	 */
	void add(String owner, String method, String word, String zh, String en) {
		Set<String> names = rules.rules(owner, method);
		RuleLanguageCheck.RuleSpan span = names == null ? null
				: names.stream().map(spans::get).filter(Objects::nonNull).findFirst().orElse(null);
		String prefix = span == null ? "" : "规则 " + span.rule() + "：";
		String prefixEn = span == null ? "" : "rule '" + span.rule() + "': ";
		String message = prefix + zh + " / " + prefixEn + en + (zh.startsWith("不允许使用") ? ALLOWED : "");
		if (!seen.add((span == null ? "" : span.file()) + message)) {
			return;
		}
		String file = span == null
				? spans.values().stream().map(RuleLanguageCheck.RuleSpan::file).findFirst().orElse("") : span.file();
		found.add(new RuleFileProblem(file, span == null ? 0 : line(span, word), 0, message));
	}

	private static final String ALLOWED = "（规则只能用事实类型、数字、String、Math、BigDecimal、RoundingMode 和只读的 "
			+ "List/Map/Set/Collection/Optional，见 README） (rules may use only the fact types, numbers, String, Math, "
			+ "BigDecimal, RoundingMode and reading List/Map/Set/Collection/Optional; see the README)";

	private int line(RuleLanguageCheck.RuleSpan span, String word) {
		String text = texts.get(span.file());
		if (text == null || word == null || span.startCharacter() < 0) {
			return span.line();
		}
		int end = span.endCharacter() > span.startCharacter() ? Math.min(span.endCharacter() + 1, text.length())
				: text.length();
		String body = text.substring(Math.min(span.startCharacter(), text.length()), end);
		Matcher matcher = Pattern.compile("(?<![\\w$])(?:" + (word.equals("->") ? "->|::" : word) + ")(?![\\w$])")
			.matcher(body);
		if (!matcher.find()) {
			return span.line();
		}
		int line = span.line();
		for (int i = 0; i < matcher.start(); i++) {
			if (body.charAt(i) == '\n') {
				line++;
			}
		}
		return line;
	}

}
