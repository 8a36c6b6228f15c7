package io.regionplan.rules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files of one rule set as deployed: every file directly in
 * {@code rules/<rule-set>/}, keyed by its path. Its content hash (SHA-256 over the sorted
 * paths and bytes) is the rule set's version.
 */
public record RuleSetSource(String name, SortedMap<String, byte[]> files) {

	public static final String PARAMETERS_FILE = "parameters.properties";

	private static final Pattern RULE_FILE = Pattern.compile("rules/([a-z0-9][a-z0-9-]*)/[^/]+");

	public RuleSetSource {
		files = new TreeMap<>(files);
	}

	/**
	 * Groups deployment resources into rule sets; resources outside {@code rules/<set>/}
	 * are ignored.
	 */
	public static Map<String, RuleSetSource> of(Map<String, byte[]> resources) {
		Map<String, SortedMap<String, byte[]>> byName = new TreeMap<>();
		resources.forEach((path, bytes) -> {
			Matcher matcher = RULE_FILE.matcher(path);
			if (matcher.matches()) {
				byName.computeIfAbsent(matcher.group(1), name -> new TreeMap<>()).put(path, bytes);
			}
		});
		Map<String, RuleSetSource> sets = new LinkedHashMap<>();
		byName.forEach((name, files) -> sets.put(name, new RuleSetSource(name, files)));
		return sets;
	}

	public static boolean isRuleFile(String path) {
		return RULE_FILE.matcher(path).matches();
	}

	public String contentHash() {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			files.forEach((path, bytes) -> {
				digest.update(path.getBytes(StandardCharsets.UTF_8));
				digest.update((byte) 0);
				digest.update(bytes);
				digest.update((byte) 0);
			});
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public String folder() {
		return "rules/" + name + "/";
	}

}
