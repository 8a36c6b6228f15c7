package io.regionplan.rules;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.LineNumberReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.regionplan.rules.fact.Parameters;

import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

/**
 * The steps of compiling one rule set with the Drools executable model, for
 * {@link RuleSetCompiler}: the parameters read, decision tables turned into DRL, the DRL
 * checked on Drools' parse of it ({@link RuleLanguageCheck}), the classes the executable
 * model generates checked before anything is loaded ({@link RuleBytecodeCheck}), and
 * loaded by a class loader that refuses every type off the list
 * ({@link RuleClassLoader}). (The classic {@code buildAll()} would need drools-mvel and
 * fails inside Spring Boot.)
 */
final class RuleSetBuild {

	private static final String RESOURCES = "src/main/resources/";

	static final String DECISION_TABLE = ".xlsx";

	private static final String GENERATED = ".drl";

	/** The largest rule file (a decision table: the DRL made of it). */
	static final int MAX_RULE_FILE = 1 << 20;

	/** The largest decision table, before it is unpacked. */
	static final int MAX_DECISION_TABLE = 5 << 20;

	private RuleSetBuild() {
	}

	/**
	 * The steps above, in the caller's thread; every problem found is a
	 * {@link RuleSetCompilationException}.
	 */
	static CompiledRuleSet build(RuleSetSource source) {
		List<RuleFileProblem> problems = new ArrayList<>();
		Parameters parameters = readParameters(source, problems);
		KieServices services = KieServices.get();
		String hash = source.contentHash();
		ReleaseId releaseId = services.newReleaseId("io.regionplan.rules", source.name(),
				"1.0.0-" + hash.substring(0, 16));
		KieFileSystem files = services.newKieFileSystem().generateAndWritePomXML(releaseId);
		List<RuleLanguageCheck.RuleSpan> spans = new ArrayList<>();
		Map<String, String> texts = new LinkedHashMap<>();
		java.util.Set<String> packages = new java.util.HashSet<>();
		int ruleFiles = 0;
		for (Map.Entry<String, byte[]> file : source.files().entrySet()) {
			byte[] drl = file.getKey().endsWith(".drl") ? file.getValue() : file.getKey().endsWith(DECISION_TABLE)
					? decisionTable(file.getKey(), file.getValue(), problems) : null;
			if (drl != null) {
				String path = file.getKey().endsWith(DECISION_TABLE) ? file.getKey() + GENERATED : file.getKey();
				ruleFiles++;
				if (drl.length > MAX_RULE_FILE) {
					problems.add(fromGenerated(
							new RuleFileProblem(path, 0, 0, "规则文件超过 1 MB / a rule file may hold at most 1 MB")));
					continue;
				}
				String text = new String(drl, StandardCharsets.UTF_8);
				RuleLanguageCheck.Result checked = RuleLanguageCheck.check(path, text);
				checked.problems().forEach(problem -> problems.add(fromGenerated(problem)));
				spans.addAll(checked.rules());
				texts.put(path, text);
				if (checked.packageName() != null) {
					packages.add(checked.packageName());
				}
				files.write(RESOURCES + path, drl);
			}
		}
		if (ruleFiles == 0 && problems.isEmpty()) {
			problems.add(new RuleFileProblem(source.folder(), 0, 0,
					"没有规则文件 (.drl 或 .xlsx 决策表) / no rule file (.drl or .xlsx decision table) in the folder"));
		}
		if (!problems.isEmpty()) {
			throw new RuleSetCompilationException(source.name(), problems);
		}
		KieBuilder builder = services.newKieBuilder(files).buildAll(ExecutableModelProject.class);
		for (Message message : builder.getResults().getMessages(Message.Level.ERROR)) {
			if (!message.getText().startsWith("Java source of ")) {
				problems.add(problem(source, message));
			}
		}
		if (!problems.isEmpty()) {
			services.getRepository().removeKieModule(releaseId);
			throw new RuleSetCompilationException(source.name(), problems);
		}
		InternalKieModule module = (InternalKieModule) builder.getKieModule();
		Map<String, byte[]> classes = new LinkedHashMap<>();
		for (String name : module.getFileNames()) {
			if (name.endsWith(".class")) {
				classes.put(name, module.getBytes(name));
			}
		}
		RuleBytecodeCheck.Result checked = RuleBytecodeCheck.check(classes, spans, texts, packages,
				parameters.values().keySet());
		checked.problems().forEach(problem -> problems.add(fromGenerated(problem)));
		if (!problems.isEmpty()) {
			services.getRepository().removeKieModule(releaseId);
			throw new RuleSetCompilationException(source.name(), problems);
		}
		KieBase kieBase = services
			.newKieContainer(releaseId, new RuleClassLoader(RuleSetCompiler.class.getClassLoader()))
			.getKieBase();
		// The compiled module is held by the KieBase; keeping it in the global repository
		// too would grow
		// memory with every deployment.
		services.getRepository().removeKieModule(releaseId);
		return new CompiledRuleSet(source.name(), hash, kieBase, parameters, checked.rulesByClass());
	}

	/**
	 * A Drools decision table turned into DRL; the DRL then goes through the guard and
	 * the executable model like any rule file, so a spreadsheet can do no more than a
	 * rule file.
	 */
	private static byte[] decisionTable(String path, byte[] bytes, List<RuleFileProblem> problems) {
		if (bytes.length > MAX_DECISION_TABLE) {
			problems.add(new RuleFileProblem(path, 0, 0, "决策表超过 5 MB / a decision table may hold at most 5 MB"));
			return null;
		}
		try {
			String drl = new SpreadsheetCompiler().compile(new ByteArrayInputStream(bytes), InputType.XLS);
			if (drl == null || !drl.contains("rule ")) {
				problems.add(new RuleFileProblem(path, 0, 0,
						"决策表中没有规则（缺少 RuleTable？）/ the decision table holds no rule " + "(no RuleTable?)"));
				return null;
			}
			return drl.getBytes(StandardCharsets.UTF_8);
		}
		catch (RuntimeException ex) {
			problems.add(new RuleFileProblem(path, 0, 0, "不是有效的 Drools 决策表 / not a valid Drools decision table: "
					+ (ex.getMessage() != null ? ex.getMessage() : ex.toString())));
			return null;
		}
	}

	/** A problem in the DRL generated from a spreadsheet names the spreadsheet. */
	private static RuleFileProblem fromGenerated(RuleFileProblem problem) {
		if (!problem.file().endsWith(DECISION_TABLE + GENERATED)) {
			return problem;
		}
		return new RuleFileProblem(problem.file().substring(0, problem.file().length() - GENERATED.length()),
				problem.line(), problem.column(), "（由决策表生成的 DRL 第 " + problem.line() + " 行 / line " + problem.line()
						+ " of the DRL generated from the decision table) " + problem.message());
	}

	/**
	 * The longest message of the compiler passed on (a few lines; never the whole
	 * generated source).
	 */
	private static final int MAX_MESSAGE = 500;

	/**
	 * A message of the compiler at its rule file; one about the Java the executable model
	 * generated (its own positions mean nothing to the owner) at the rule set's folder.
	 */
	private static RuleFileProblem problem(RuleSetSource source, Message message) {
		String path = message.getPath();
		String text = message.getText().strip();
		text = text.length() > MAX_MESSAGE ? text.substring(0, MAX_MESSAGE) + "…" : text;
		if (path == null || path.isBlank() || path.startsWith("src/main/java/")) {
			return new RuleFileProblem(source.folder(), 0, 0,
					path == null || path.isBlank() ? text : "规则代码无法编译 / the rule code does not compile: " + text);
		}
		if (path.startsWith(RESOURCES)) {
			path = path.substring(RESOURCES.length());
		}
		return fromGenerated(
				new RuleFileProblem(path, Math.max(message.getLine(), 0), Math.max(message.getColumn(), 0), text));
	}

	private static Parameters readParameters(RuleSetSource source, List<RuleFileProblem> problems) {
		String path = source.folder() + RuleSetSource.PARAMETERS_FILE;
		byte[] bytes = source.files().get(path);
		Map<String, String> values = new LinkedHashMap<>();
		if (bytes == null) {
			return new Parameters(source.name(), values);
		}
		try (LineNumberReader reader = new LineNumberReader(
				new StringReader(new String(bytes, StandardCharsets.UTF_8)))) {
			String line;
			while ((line = reader.readLine()) != null) {
				String text = line.strip();
				if (text.isEmpty() || text.startsWith("#") || text.startsWith("!")) {
					continue;
				}
				int separator = text.indexOf('=');
				if (separator <= 0) {
					problems.add(new RuleFileProblem(path, reader.getLineNumber(), 1,
							"应为 key = value / expected 'key = value', got: " + text));
					continue;
				}
				String key = text.substring(0, separator).strip();
				if (values.put(key, text.substring(separator + 1).strip()) != null) {
					problems.add(new RuleFileProblem(path, reader.getLineNumber(), 1,
							"参数重复 / duplicate parameter '" + key + "'"));
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return new Parameters(source.name(), values);
	}

}
