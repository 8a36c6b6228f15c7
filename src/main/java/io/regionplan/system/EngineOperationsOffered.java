package io.regionplan.system;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.springframework.stereotype.Component;

/**
 * What may be done to one task or one process definition through the engine REST API and
 * the webapps' copy of it: the operations listed here, and nothing else, for everybody
 * (admins included). A task moves on only through its form ({@code complete},
 * {@code submit-form}, {@code resolve}, each checked against the form by the completion
 * filter); a process starts only at its start event ({@code start}, {@code submit-form}).
 * So {@code bpmnError} and {@code bpmnEscalation} on a task (which set any variable and,
 * uncaught, used to end the task's scope past the director) and {@code restart} of a
 * definition (a new instance from any activity, with an old one's variables) answer 403,
 * as does any operation a later Camunda adds. Who may do an offered operation is still
 * Camunda's authorization check.
 */
@Component
class EngineOperationsOffered implements ContainerRequestFilter {

	/** {@code [engine/<name>/]task/<id>/<operation>}: the operation is group 1. */
	private static final Pattern TASK = Pattern.compile("(?:engine/[^/]+/)?task/[^/]+/(.+?)/?");

	/** By id, or by key (and tenant): the operation is group 1. */
	private static final Pattern DEFINITION = Pattern
		.compile("(?:engine/[^/]+/)?process-definition/(?:key/[^/]+(?:/tenant-id/[^/]+)?|[^/]+)/(.+?)/?");

	/**
	 * POST on one task: work on it through its form, hand it on, comment, attach, and the
	 * variables (Camunda lets only those with UPDATE_VARIABLE set them: not a candidate).
	 */
	private static final Set<String> TASK_OPERATIONS = Set.of("claim", "unclaim", "assignee", "delegate", "complete",
			"submit-form", "resolve", "comment/create", "attachment/create", "identity-links", "identity-links/delete",
			"variables", "localVariables");

	/** A task's binary variable ({@code variables/<name>/data}). */
	private static final Pattern TASK_VARIABLE_DATA = Pattern.compile("(?:variables|localVariables)/[^/]+/data");

	/** POST on one process definition: a start at its start event. */
	private static final Set<String> DEFINITION_OPERATIONS = Set.of("start", "submit-form");

	@Override
	public void filter(ContainerRequestContext request) {
		if (!"POST".equals(request.getMethod())) {
			return;
		}
		String path = request.getUriInfo().getPath().replaceFirst("^/", "");
		Matcher task = TASK.matcher(path);
		if (task.matches() && !TASK_OPERATIONS.contains(task.group(1))
				&& !TASK_VARIABLE_DATA.matcher(task.group(1)).matches()) {
			request.abortWith(refused("任务操作 " + task.group(1)
					+ " 不提供：任务通过其表单完成（complete / submit-form） / task operation '" + task.group(1)
					+ "' is not offered: a task is completed through its form (complete, submit-form)"));
			return;
		}
		Matcher definition = DEFINITION.matcher(path);
		if (definition.matches() && !DEFINITION_OPERATIONS.contains(definition.group(1))) {
			request.abortWith(refused("流程定义操作 " + definition.group(1)
					+ " 不提供：流程从开始事件启动 / process definition operation '" + definition.group(1)
					+ "' is not offered: a process starts at its start event (start, submit-form)"));
		}
	}

	private static Response refused(String message) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "Forbidden");
		body.put("message", message);
		return Response.status(Response.Status.FORBIDDEN).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
	}

}
