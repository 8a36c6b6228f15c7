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
 * Compiles one rule set with the Drools executable model, after {@link RuleGuard} has checked its text. Plain Java: rule tests use it without
 * Spring. (The classic {@code buildAll()} would need drools-mvel and fails inside Spring Boot.)
 */
public class RuleSetCompiler {

	private static final String RESOURCES = "src/main/resources/";

	private static final String DECISION_TABLE = ".xlsx";

	private static final String GENERATED = ".drl";

	public CompiledRuleSet compile(RuleSetSource source) {
		List<RuleFileProblem> problems = new ArrayList<>();
		Parameters parameters = readParameters(source, problems);
		KieServices services = KieServices.get();
		String hash = source.contentHash();
		ReleaseId releaseId = services.newReleaseId("io.regionplan.rules", source.name(), "1.0.0-" + hash.substring(0, 16));
		KieFileSystem files = services.newKieFileSystem().generateAndWritePomXML(releaseId);
		int ruleFiles = 0;
		for (Map.Entry<String, byte[]> file : source.files().entrySet()) {
			byte[] drl = file.getKey().endsWith(".drl") ? file.getValue()
					: file.getKey().endsWith(DECISION_TABLE) ? decisionTable(file.getKey(), file.getValue(), problems) : null;
			if (drl != null) {
				String path = file.getKey().endsWith(DECISION_TABLE) ? file.getKey() + GENERATED : file.getKey();
				for (RuleFileProblem problem : RuleGuard.check(path, drl)) {
					problems.add(fromGenerated(problem));
				}
				files.write(RESOURCES + path, drl);
				ruleFiles++;
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
			problems.add(problem(source, message));
		}
		if (!problems.isEmpty()) {
			throw new RuleSetCompilationException(source.name(), problems);
		}
		KieBase kieBase = services.newKieContainer(releaseId).getKieBase();
		// The compiled module is held by the KieBase; keeping it in the global repository too would grow
		// memory with every deployment.
		services.getRepository().removeKieModule(releaseId);
		return new CompiledRuleSet(source.name(), hash, kieBase, parameters);
	}

	/**
	 * A Drools decision table turned into DRL; the DRL then goes through the guard and the executable model
	 * like any rule file, so a spreadsheet can do no more than a rule file.
	 */
	private static byte[] decisionTable(String path, byte[] bytes, List<RuleFileProblem> problems) {
		try {
			String drl = new SpreadsheetCompiler().compile(new ByteArrayInputStream(bytes), InputType.XLS);
			if (drl == null || !drl.contains("rule ")) {
				problems.add(new RuleFileProblem(path, 0, 0, "决策表中没有规则（缺少 RuleTable？）/ the decision table holds no rule "
						+ "(no RuleTable?)"));
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
		return new RuleFileProblem(problem.file().substring(0, problem.file().length() - GENERATED.length()), problem.line(),
				problem.column(), "（由决策表生成的 DRL 第 " + problem.line() + " 行 / line " + problem.line()
						+ " of the DRL generated from the decision table) " + problem.message());
	}

	private static RuleFileProblem problem(RuleSetSource source, Message message) {
		String path = message.getPath();
		if (path == null || path.isBlank()) {
			path = source.folder();
		}
		else if (path.startsWith(RESOURCES)) {
			path = path.substring(RESOURCES.length());
		}
		return fromGenerated(new RuleFileProblem(path, Math.max(message.getLine(), 0), Math.max(message.getColumn(), 0),
				message.getText().strip()));
	}

	private static Parameters readParameters(RuleSetSource source, List<RuleFileProblem> problems) {
		String path = source.folder() + RuleSetSource.PARAMETERS_FILE;
		byte[] bytes = source.files().get(path);
		Map<String, String> values = new LinkedHashMap<>();
		if (bytes == null) {
			return new Parameters(source.name(), values);
		}
		try (LineNumberReader reader = new LineNumberReader(new StringReader(new String(bytes, StandardCharsets.UTF_8)))) {
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
					problems.add(new RuleFileProblem(path, reader.getLineNumber(), 1, "参数重复 / duplicate parameter '" + key + "'"));
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return new Parameters(source.name(), values);
	}

}
