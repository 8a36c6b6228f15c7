package io.regionplan.rules;

import java.io.IOException;
import java.io.StringReader;
import java.io.LineNumberReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.regionplan.rules.fact.Parameters;

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

	public CompiledRuleSet compile(RuleSetSource source) {
		List<RuleFileProblem> problems = new ArrayList<>();
		Parameters parameters = readParameters(source, problems);
		KieServices services = KieServices.get();
		String hash = source.contentHash();
		ReleaseId releaseId = services.newReleaseId("io.regionplan.rules", source.name(), "1.0.0-" + hash.substring(0, 16));
		KieFileSystem files = services.newKieFileSystem().generateAndWritePomXML(releaseId);
		int ruleFiles = 0;
		for (Map.Entry<String, byte[]> file : source.files().entrySet()) {
			if (file.getKey().endsWith(".drl")) {
				problems.addAll(RuleGuard.check(file.getKey(), file.getValue()));
				files.write(RESOURCES + file.getKey(), file.getValue());
				ruleFiles++;
			}
		}
		if (ruleFiles == 0) {
			problems.add(new RuleFileProblem(source.folder(), 0, 0, "没有规则文件 (.drl) / no rule file (.drl) in the folder"));
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

	private static RuleFileProblem problem(RuleSetSource source, Message message) {
		String path = message.getPath();
		if (path == null || path.isBlank()) {
			path = source.folder();
		}
		else if (path.startsWith(RESOURCES)) {
			path = path.substring(RESOURCES.length());
		}
		return new RuleFileProblem(path, Math.max(message.getLine(), 0), Math.max(message.getColumn(), 0),
				message.getText().strip());
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
