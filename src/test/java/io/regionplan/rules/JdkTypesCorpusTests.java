package io.regionplan.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import io.regionplan.rules.RuleTypes.Scope;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;

/**
 * A corpus generated from the JDK rather than written by hand: every public top-level
 * type of every package that a module of the boot layer exports, named in a rule, is
 * refused with its file, line and name, unless the allow-list has that very type, which
 * then compiles. The rules go into one rule set of many files, because the build reports
 * every problem of every file at once.
 */
@Tag("exhaustive")
class JdkTypesCorpusTests {

	private static final String HEADER = """
			package rules.jdk;
			import io.regionplan.rules.fact.VolumeGap;
			""";

	/** The line of a rule's consequence, counted from the rule's first line. */
	private static final int CONSEQUENCE_LINE = 5;

	private static final int RULES_PER_FILE = 500;

	/**
	 * The public top-level types of the packages the boot layer exports to everyone, read
	 * from the run-time image (class files, not loaded).
	 */
	static SortedSet<String> exportedTypes() {
		SortedSet<String> types = new TreeSet<>();
		Path modules = FileSystems.getFileSystem(URI.create("jrt:/")).getPath("/modules");
		for (Module module : ModuleLayer.boot().modules()) {
			for (ModuleDescriptor.Exports exports : module.getDescriptor().exports()) {
				if (!exports.isQualified()) {
					Path folder = modules.resolve(module.getName()).resolve(exports.source().replace('.', '/'));
					try (Stream<Path> files = Files.list(folder)) {
						files.map(Path::toString)
							.filter(file -> file.endsWith(".class") && !file.contains("$")
									&& !file.endsWith("-info.class"))
							.filter(JdkTypesCorpusTests::isPublic)
							.forEach(file -> types.add(exports.source() + "."
									+ file.substring(file.lastIndexOf('/') + 1, file.length() - ".class".length())));
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
				}
			}
		}
		return types;
	}

	private static boolean isPublic(String classFile) {
		try {
			int access = new ClassReader(
					Files.readAllBytes(FileSystems.getFileSystem(URI.create("jrt:/")).getPath(classFile)))
				.getAccess();
			return (access & Opcodes.ACC_PUBLIC) != 0 && (access & Opcodes.ACC_SYNTHETIC) == 0;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean allowed(String type) {
		return RuleTypes.allowsType(type.replace('.', '/'), Scope.RULE);
	}

	/**
	 * A rule whose consequence is {@code code}, on line {@link #CONSEQUENCE_LINE} of the
	 * rule.
	 */
	static String rule(String name, String code) {
		return "rule \"" + name + "\"\nwhen\n    $g : VolumeGap()\nthen\n    " + code + "\nend\n";
	}

	/**
	 * The rules in files of {@link #RULES_PER_FILE}, by path; {@code where} gets each
	 * rule's file and line.
	 */
	static RuleSetSource ruleSet(String name, List<String> rules, Map<Integer, String> where) {
		SortedMap<String, byte[]> files = new TreeMap<>();
		for (int from = 0; from < rules.size(); from += RULES_PER_FILE) {
			String path = "rules/" + name + "/part" + (from / RULES_PER_FILE) + ".drl";
			StringBuilder text = new StringBuilder(HEADER.replace("rules.jdk", "rules." + name));
			for (int i = from; i < Math.min(from + RULES_PER_FILE, rules.size()); i++) {
				int line = (int) text.chars().filter(c -> c == '\n').count() + CONSEQUENCE_LINE;
				where.put(i, path + ":" + line);
				text.append(rules.get(i));
			}
			files.put(path, text.toString().getBytes(StandardCharsets.UTF_8));
		}
		return new RuleSetSource(name, files);
	}

	@Test
	void everyExportedJdkTypeNamedInARuleIsRefusedUnlessItIsOnTheList() {
		SortedSet<String> types = exportedTypes();
		List<String> refused = types.stream().filter(type -> !allowed(type)).toList();
		List<String> listed = types.stream().filter(JdkTypesCorpusTests::allowed).toList();
		List<String> rules = new ArrayList<>();
		for (int i = 0; i < refused.size(); i++) {
			rules.add(rule("T" + i, "Object o = (" + refused.get(i) + ") null;"));
		}
		Map<Integer, String> where = new TreeMap<>();

		RuleSetCompilationException refusal = catchThrowableOfType(
				() -> new RuleSetCompiler().compile(ruleSet("jdk", rules, where)), RuleSetCompilationException.class);

		assertThat(ModuleLayer.boot().findModule("java.base")).isPresent();
		assertThat(types).as("exported JDK types").hasSizeGreaterThan(3000).contains("java.lang.Runtime");
		assertThat(refusal).as("refused").isNotNull();
		Map<String, RuleFileProblem> byPlace = new TreeMap<>();
		refusal.problems().forEach(problem -> byPlace.put(problem.file() + ":" + problem.line(), problem));
		SoftAssertions softly = new SoftAssertions();
		for (int i = 0; i < refused.size(); i++) {
			RuleFileProblem problem = byPlace.get(where.get(i));
			softly.assertThat(problem).as(refused.get(i) + " at " + where.get(i)).isNotNull();
			if (problem != null) {
				softly.assertThat(problem.message())
					.as(where.get(i))
					.contains("the type " + refused.get(i) + " is not allowed");
			}
		}
		softly.assertThat(refusal.problems()).as("one problem a type").hasSize(refused.size());
		softly.assertAll();
		assertThat(listed).as("the allow-list's JDK types")
			.containsExactlyInAnyOrderElementsOf(RuleTypes.ruleJdkTypes().stream().filter(types::contains).toList());
		new RuleSetCompiler().compile(ruleSet("jdkallowed",
				listed.stream()
					.map(type -> rule("A" + type.replace('.', '_'), "Object o = (" + type + ") null;"))
					.toList(),
				new TreeMap<>()));
		System.out.printf("JDK types corpus: %d modules, %d exported public types, %d refused, %d allowed%n",
				ModuleLayer.boot().modules().size(), types.size(), refused.size(), listed.size());
	}

}
