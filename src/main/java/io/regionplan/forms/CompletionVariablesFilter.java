package io.regionplan.forms;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import io.regionplan.engine.EngineCalls;
import io.regionplan.system.InvalidInput;
import io.regionplan.system.Roles;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinitionQuery;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Before the engine REST API (and the webapps' copy of it, which Tasklist uses) completes
 * a task ({@code complete}, {@code submit-form}, {@code resolve}) or starts a process
 * ({@code start}, {@code submit-form}, by id or key): every variable must be a field a
 * person fills in on the task's form or the start form, with a value that fits it exactly
 * ({@link SubmittedVariable}); anything else is refused with 400 naming the field, before
 * anything is written. A process without a start form is started only by the process that
 * calls it (or by an admin); a start may not begin elsewhere than at its start event.
 * What the form requires and allows of each field is then checked by
 * {@link FormValidation}.
 */
@Component
class CompletionVariablesFilter implements ContainerRequestFilter {

	private static final Pattern COMPLETION = Pattern
		.compile("(?:^|.*/)task/([^/]+)/(?:complete|submit-form|resolve)/?");

	private static final Pattern START = Pattern
		.compile("(?:^|.*/)process-definition/(?:key/([^/]+)(?:/tenant-id/([^/]+))?|([^/]+))/(?:start|submit-form)/?");

	/** A form of nothing: every variable is refused. */
	private static final FormSchema NO_FORM = new FormSchema("", List.of(), java.util.Set.of());

	private final ProcessEngine engine;

	private final ObjectMapper mapper;

	private final ObjectReader json;

	private final Map<String, FormSchema> forms = new ConcurrentHashMap<>();

	CompletionVariablesFilter(ProcessEngine engine, ObjectMapper json) {
		this.engine = engine;
		this.mapper = json;
		this.json = json.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
	}

	@Override
	public void filter(ContainerRequestContext request) throws IOException {
		String path = request.getUriInfo().getPath();
		Matcher completion = COMPLETION.matcher(path);
		Matcher start = START.matcher(path);
		if (!"POST".equals(request.getMethod()) || !completion.matches() && !start.matches()) {
			return;
		}
		JsonNode body = null;
		if (request.hasEntity()) {
			byte[] bytes = request.getEntityStream().readAllBytes();
			request.setEntityStream(new ByteArrayInputStream(bytes));
			try {
				body = json.readTree(bytes);
			}
			catch (IOException ex) {
				return; // Camunda answers what is wrong with the JSON
			}
		}
		JsonNode variables = body == null ? mapper.createObjectNode() : body.path("variables");
		if (!variables.isObject() && !variables.isMissingNode()) {
			return; // Camunda answers what is wrong with the JSON
		}
		Refusal refusal;
		if (completion.matches()) {
			FormSchema form = taskForm(completion.group(1));
			if (form == null) {
				return; // a task the caller cannot see, or without a form: Camunda
						// answers
			}
			refusal = Refusal.first(variables, form, "the task's form");
		}
		else {
			ProcessDefinition definition = definition(start.group(1), start.group(2), start.group(3));
			if (definition == null) {
				return; // a process the caller cannot see: Camunda answers
			}
			FormSchema form = startForm(definition);
			if (body != null && body.path("startInstructions").size() > 0) {
				refusal = new Refusal("startInstructions",
						"字段 startInstructions：流程只能从开始事件启动 / field 'startInstructions': "
								+ "a process starts at its start event, with its start form");
			}
			else if (form != NO_FORM) {
				refusal = Refusal.first(variables, form, "the start form");
			}
			else if (isAdmin() || variables.isEmpty()) {
				return; // an operator may start a called process by hand
			}
			else {
				String field = variables.fieldNames().next();
				refusal = new Refusal(field,
						"字段 " + field + "：流程 " + definition.getKey() + " 没有开始表单，只由调用它的流程启动 / field '" + field
								+ "': process '" + definition.getKey()
								+ "' has no start form: the process that calls it starts it");
			}
		}
		if (refusal != null) {
			request.abortWith(InvalidInput.response(refusal.message(), refusal.field()));
		}
	}

	private record Refusal(String field, String message) {

		/** The first variable the form refuses, or {@code null}. */
		static Refusal first(JsonNode variables, FormSchema form, String what) {
			for (Map.Entry<String, JsonNode> variable : variables.properties()) {
				String message = SubmittedVariable.refusal(variable.getKey(), variable.getValue(), form, what);
				if (message != null) {
					return new Refusal(variable.getKey(), message);
				}
			}
			return null;
		}

	}

	private boolean isAdmin() {
		Authentication user = engine.getIdentityService().getCurrentAuthentication();
		return user != null && user.getGroupIds() != null && user.getGroupIds().contains(Roles.ADMIN);
	}

	/** The task's Camunda Form, or {@code null}. */
	private FormSchema taskForm(String taskId) {
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
		String deploymentId = EngineCalls.withoutAuthorization(engine,
				() -> engine.getRepositoryService()
					.getProcessDefinition(task.getProcessDefinitionId())
					.getDeploymentId());
		return form(deploymentId, task.getCamundaFormRef());
	}

	/**
	 * The definition a start request names, as far as the caller may see it, or
	 * {@code null}.
	 */
	private ProcessDefinition definition(String key, String tenantId, String id) {
		try {
			ProcessDefinitionQuery query = engine.getRepositoryService().createProcessDefinitionQuery();
			if (id != null) {
				return query.processDefinitionId(id).singleResult();
			}
			query.processDefinitionKey(key).latestVersion();
			return (tenantId == null ? query.withoutTenantId() : query.tenantIdIn(tenantId)).singleResult();
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private FormSchema startForm(ProcessDefinition definition) {
		CamundaFormRef ref;
		try {
			ref = EngineCalls.withoutAuthorization(engine,
					() -> engine.getFormService().getStartFormData(definition.getId()).getCamundaFormRef());
		}
		catch (RuntimeException ex) {
			ref = null;
		}
		if (ref == null) {
			return NO_FORM;
		}
		FormSchema form = form(definition.getDeploymentId(), ref);
		return form == null ? NO_FORM : form;
	}

	private FormSchema form(String deploymentId, CamundaFormRef ref) {
		return forms.computeIfAbsent(deploymentId + "/" + ref.getKey(),
				key -> EngineCalls.withoutAuthorization(engine, () -> {
					try (InputStream form = engine.getRepositoryService()
						.getResourceAsStream(deploymentId, "forms/" + ref.getKey() + ".form")) {
						return FormSchema.parse(mapper.readTree(form));
					}
					catch (IOException | RuntimeException ex) {
						return null;
					}
				}));
	}

}
