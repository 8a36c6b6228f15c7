package io.regionplan.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import io.regionplan.deployment.ProcessFiles;

/**
 * Rule tests build one rule folder of the repository, without Spring.
 */
public final class RuleSets {

	private static final Map<String, CompiledRuleSet> COMPILED = new ConcurrentHashMap<>();

	private RuleSets() {
	}

	public static RuleSetSource source(String ruleSet) {
		RuleSetSource source = ProcessFiles.fromFolder(Path.of(".")).ruleSets().get(ruleSet);
		if (source == null) {
			throw new IllegalArgumentException("No rule set rules/" + ruleSet);
		}
		return source;
	}

	/**
	 * An example rule set of {@code docs/examples/<rule-set>/}, named as if it were
	 * deployed under {@code rules/}.
	 */
	public static RuleSetSource example(String ruleSet) {
		SortedMap<String, byte[]> files = new TreeMap<>();
		try (var paths = Files.list(Path.of("docs/examples", ruleSet))) {
			for (Path file : paths.sorted().toList()) {
				files.put("rules/" + ruleSet + "/" + file.getFileName(), Files.readAllBytes(file));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new RuleSetSource(ruleSet, files);
	}

	/**
	 * The rule set of the repository, compiled once per test JVM and content: the rule
	 * tests and the binding tests of one rule set share it (a compiled rule set is
	 * immutable; each run has its own session).
	 */
	public static CompiledRuleSet compile(String ruleSet) {
		RuleSetSource source = source(ruleSet);
		return COMPILED.computeIfAbsent(ruleSet + "@" + source.contentHash(),
				key -> new RuleSetCompiler().compile(source));
	}

	public static RuleRun run(CompiledRuleSet rules, List<?> facts) {
		return rules.run(new RuleSetVersion(rules.name(), "test", rules.contentHash()), facts, 10_000);
	}

}
