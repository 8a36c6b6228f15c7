package io.regionplan.forms;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.regionplan.system.EngineCalls;
import io.regionplan.system.InvalidInput;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Before the engine REST API completes a task ({@code complete}, {@code submit-form}, {@code resolve}):
 * refuses variables the task's form does not have, values that do not fit their declared type and
 * Java-serialized objects, with 400 naming the field. What the form requires and allows of each field is
 * then checked by {@link FormValidation} as the task completes.
 */
@Component
class CompletionVariablesFilter implements ContainerRequestFilter {

	private static final Pattern COMPLETION = Pattern.compile("(?:^|.*/)task/([^/]+)/(?:complete|submit-form|resolve)/?");

	private final ProcessEngine engine;

	private final ObjectMapper json;

	private final Map<String, FormSchema.Keys> forms = new ConcurrentHashMap<>();

	CompletionVariablesFilter(ProcessEngine engine, ObjectMapper json) {
		this.engine = engine;
		this.json = json;
	}

	@Override
	public void filter(ContainerRequestContext request) throws IOException {
		Matcher completion = COMPLETION.matcher(request.getUriInfo().getPath());
		if (!"POST".equals(request.getMethod()) || !completion.matches() || !request.hasEntity()) {
			return;
		}
		byte[] body = request.getEntityStream().readAllBytes();
		request.setEntityStream(new ByteArrayInputStream(body));
		JsonNode variables;
		try {
			variables = json.readTree(body).path("variables");
		}
		catch (IOException ex) {
			return; // Camunda answers what is wrong with the JSON
		}
		if (!variables.isObject() || variables.isEmpty()) {
			return;
		}
		FormSchema.Keys form = formOf(completion.group(1));
		if (form == null) {
			return; // a task the caller cannot see, or without a form: Camunda answers
		}
		for (Map.Entry<String, JsonNode> variable : variables.properties()) {
			String refusal = refusal(variable.getKey(), variable.getValue(), form);
			if (refusal != null) {
				request.abortWith(InvalidInput.response(refusal, variable.getKey()));
				return;
			}
		}
	}

	private static String refusal(String name, JsonNode variable, FormSchema.Keys form) {
		String field = "字段 " + name + "：";
		if (!form.keys().contains(name)) {
			return field + "表单 " + form.id() + " 没有这个字段 / field '" + name + "' is not on the task's form '" + form.id()
					+ "' (its fields: " + form.keys().stream().sorted().toList() + ")";
		}
		String format = variable.path("valueInfo").path("serializationDataFormat").asText("");
		if (format.contains("java") || variable.path("type").asText("").equalsIgnoreCase("object")) {
			return field + "不接受对象或 Java 序列化值 / field '" + name + "': objects and Java-serialized values are not accepted";
		}
		String type = variable.path("type").asText("");
		JsonNode value = variable.path("value");
		if (value.isMissingNode() || value.isNull()) {
			return null;
		}
		boolean fits = switch (type.toLowerCase()) {
			case "boolean" -> value.isBoolean() || value.asText().matches("true|false");
			case "integer", "long", "short" -> value.isIntegralNumber() || value.asText().matches("-?\\d{1,18}");
			case "double" -> value.isNumber() || value.asText().matches("-?\\d+(\\.\\d+)?([eE]-?\\d+)?");
			default -> true;
		};
		return fits ? null : field + "值 " + value + " 不是 " + type + " / field '" + name + "': value " + value + " is not a "
				+ type;
	}

	/** The field keys of the task's Camunda Form, or {@code null}. */
	private FormSchema.Keys formOf(String taskId) {
		Task task;
		try {
			task = engine.getTaskService().createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
		}
		catch (RuntimeException ex) {
			return null;
		}
		if (task == null || task.getCamundaFormRef() == null || task.getProcessDefinitionId() == null) {
			return null;
		}
		CamundaFormRef ref = task.getCamundaFormRef();
		String deploymentId = EngineCalls.withoutAuthorization(engine,
				() -> engine.getRepositoryService().getProcessDefinition(task.getProcessDefinitionId()).getDeploymentId());
		return forms.computeIfAbsent(deploymentId + "/" + ref.getKey(), key -> EngineCalls.withoutAuthorization(engine, () -> {
			try (InputStream form = engine.getRepositoryService().getResourceAsStream(deploymentId, "forms/" + ref.getKey() + ".form")) {
				return FormSchema.keys(json.readTree(form));
			}
			catch (IOException | RuntimeException ex) {
				return null;
			}
		}));
	}

}
