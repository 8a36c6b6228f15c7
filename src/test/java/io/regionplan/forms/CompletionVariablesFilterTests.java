package io.regionplan.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.regionplan.StandInCommands;
import io.regionplan.system.Roles;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.form.StartFormData;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinitionQuery;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * The check of a completion or start before the engine REST API runs it, on a stand-in
 * request and engine (no Spring, no engine): which requests are checked, against which
 * form, and the 400 naming the field.
 */
class CompletionVariablesFilterTests {

	private static final String REVIEW_FORM = """
			{"id": "review", "components": [
			  {"key": "reps", "type": "number", "label": "Reps"},
			  {"key": "gap", "type": "number", "disabled": true}
			]}""";

	private final ProcessEngine engine = mock(ProcessEngine.class);

	private final TaskService tasks = mock(TaskService.class);

	private final TaskQuery taskQuery = mock(TaskQuery.class, RETURNS_SELF);

	private final RepositoryService repository = mock(RepositoryService.class);

	private final ProcessDefinitionQuery definitions = mock(ProcessDefinitionQuery.class, RETURNS_SELF);

	private final FormService forms = mock(FormService.class);

	private final IdentityService identity = mock(IdentityService.class);

	private final CompletionVariablesFilter filter = new CompletionVariablesFilter(engine, new ObjectMapper());

	@BeforeEach
	void standInEngine() {
		// built before the stubbing: it stubs a mock of its own
		var configuration = StandInCommands.configuration();
		when(engine.getProcessEngineConfiguration()).thenReturn(configuration);
		when(engine.getTaskService()).thenReturn(tasks);
		when(engine.getRepositoryService()).thenReturn(repository);
		when(engine.getFormService()).thenReturn(forms);
		when(engine.getIdentityService()).thenReturn(identity);
		when(tasks.createTaskQuery()).thenReturn(taskQuery);
		when(repository.createProcessDefinitionQuery()).thenReturn(definitions);
		ProcessDefinition reviewDefinition = definition("review-process:1", "review-process", "deployment-1");
		when(repository.getProcessDefinition("review-process:1")).thenReturn(reviewDefinition);
		when(repository.getResourceAsStream("deployment-1", "forms/review.form"))
			.thenAnswer(call -> stream(REVIEW_FORM));
	}

	private static InputStream stream(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

	private static ProcessDefinition definition(String id, String key, String deploymentId) {
		ProcessDefinition definition = mock(ProcessDefinition.class);
		when(definition.getId()).thenReturn(id);
		when(definition.getKey()).thenReturn(key);
		when(definition.getDeploymentId()).thenReturn(deploymentId);
		return definition;
	}

	private static CamundaFormRef formRef(String key) {
		CamundaFormRef ref = mock(CamundaFormRef.class);
		when(ref.getKey()).thenReturn(key);
		return ref;
	}

	/** Task {@code task-1} of the review process, with the given form. */
	private void task(CamundaFormRef ref) {
		Task task = mock(Task.class);
		when(task.getCamundaFormRef()).thenReturn(ref);
		when(task.getProcessDefinitionId()).thenReturn("review-process:1");
		when(taskQuery.taskId("task-1")).thenReturn(taskQuery);
		when(taskQuery.singleResult()).thenReturn(task);
	}

	/** The process {@code planning} (definition {@code planning:3}) with a start form. */
	private ProcessDefinition startable(String formKey) {
		ProcessDefinition definition = definition("planning:3", "planning", "deployment-1");
		when(definitions.singleResult()).thenReturn(definition);
		StartFormData data = mock(StartFormData.class);
		CamundaFormRef ref = formKey == null ? null : formRef(formKey);
		when(data.getCamundaFormRef()).thenReturn(ref);
		when(forms.getStartFormData("planning:3")).thenReturn(data);
		return definition;
	}

	private ContainerRequestContext request(String method, String path, String body) {
		ContainerRequestContext request = mock(ContainerRequestContext.class);
		UriInfo uri = mock(UriInfo.class);
		when(uri.getPath()).thenReturn(path);
		when(request.getUriInfo()).thenReturn(uri);
		when(request.getMethod()).thenReturn(method);
		when(request.hasEntity()).thenReturn(body != null);
		if (body != null) {
			when(request.getEntityStream()).thenReturn(stream(body));
		}
		return request;
	}

	private ContainerRequestContext filtered(String path, String body) throws IOException {
		ContainerRequestContext request = request("POST", path, body);
		filter.filter(request);
		return request;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> refusal(ContainerRequestContext request) {
		ArgumentCaptor<Response> response = ArgumentCaptor.forClass(Response.class);
		verify(request).abortWith(response.capture());
		assertThat(response.getValue().getStatus()).isEqualTo(400);
		return (Map<String, Object>) response.getValue().getEntity();
	}

	private static void passed(ContainerRequestContext request) {
		verify(request, never()).abortWith(any());
	}

	@Test
	void aCompletionSettingADisplayFieldIsRefusedNamingIt() throws IOException {
		task(formRef("review"));

		ContainerRequestContext request = filtered("task/task-1/complete",
				"{\"variables\": {\"reps\": {\"value\": 3}, \"gap\": {\"value\": 10}}}");

		assertThat(refusal(request)).containsExactly(Map.entry("type", "InvalidInput"),
				Map.entry("message",
						"字段 gap：表单 review 只显示这个值，由系统计算，不能提交 / field 'gap' is only shown on the task's form 'review': "
								+ "the server computes it, no completion may set it"),
				Map.entry("field", "gap"));
	}

	@Test
	void aCompletionThatFitsTheFormPassesWithItsBodyIntact() throws IOException {
		task(formRef("review"));
		String body = "{\"variables\": {\"reps\": {\"value\": 3, \"type\": \"Integer\"}}}";

		ContainerRequestContext request = filtered("/engine-rest/task/task-1/submit-form/", body);

		passed(request);
		ArgumentCaptor<InputStream> entity = ArgumentCaptor.forClass(InputStream.class);
		verify(request).setEntityStream(entity.capture());
		assertThat(new String(entity.getValue().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(body);
		verify(taskQuery).initializeFormKeys();
	}

	@Test
	void everyWayToCompleteATaskIsChecked() throws IOException {
		task(formRef("review"));
		String body = "{\"variables\": {\"gap\": {\"value\": 10}}}";

		for (String path : List.of("task/task-1/complete", "task/task-1/resolve", "task/task-1/submit-form",
				"camunda/api/engine/engine/default/task/task-1/complete/")) {
			assertThat(refusal(filtered(path, body))).as(path).containsEntry("field", "gap");
		}
	}

	@Test
	void aDecimalInAWholeNumberFieldIsRefusedAsSent() throws IOException {
		task(formRef("review"));

		ContainerRequestContext request = filtered("task/task-1/complete",
				"{\"variables\": {\"reps\": {\"value\": 2.50}}}");

		assertThat(refusal(request)).containsEntry("field", "reps")
			.containsEntry("message", "字段 reps：必须是整数，收到 2.5 / field 'reps' must be a whole number, got 2.5");
	}

	@Test
	void otherRequestsAreNotChecked() throws IOException {
		for (ContainerRequestContext request : List.of(request("GET", "task/task-1/complete", null),
				request("PUT", "task/task-1/complete", "{}"), request("POST", "task/task-1/claim", "{}"),
				request("POST", "task/task-1/complete/extra", "{}"), request("POST", "process-definition/start", "{}"),
				request("POST", "task/complete", "{}"))) {
			filter.filter(request);
			passed(request);
		}
		verifyNoInteractions(tasks, repository);
	}

	@Test
	void whatCamundaAnswersBetterIsLeftToIt() throws IOException {
		task(formRef("review"));

		passed(filtered("task/task-1/complete", "{\"variables\": "));
		passed(filtered("task/task-1/complete", "{\"variables\": [1, 2]}"));
		passed(filtered("task/task-1/complete", "{\"variables\": \"gap\"}"));
	}

	@Test
	void aCompletionWithoutBodyOrVariablesHasNothingToRefuse() throws IOException {
		task(formRef("review"));

		passed(filtered("task/task-1/complete", null));
		passed(filtered("task/task-1/complete", "{}"));
	}

	@Test
	void aTaskTheCallerCannotSeeOrWithoutFormIsLeftToCamunda() throws IOException {
		String body = "{\"variables\": {\"gap\": {\"value\": 10}}}";
		when(taskQuery.singleResult()).thenReturn(null);
		passed(filtered("task/task-9/complete", body));

		task(null);
		passed(filtered("task/task-1/complete", body));

		Task withoutProcess = mock(Task.class);
		CamundaFormRef review = formRef("review");
		when(withoutProcess.getCamundaFormRef()).thenReturn(review);
		when(taskQuery.singleResult()).thenReturn(withoutProcess);
		passed(filtered("task/task-1/complete", body));

		when(taskQuery.singleResult()).thenThrow(new IllegalStateException("engine down"));
		passed(filtered("task/task-1/complete", body));
	}

	@Test
	void aFormThatCannotBeReadLeavesTheCheckToTheEngine() throws IOException {
		task(formRef("missing"));
		when(repository.getResourceAsStream("deployment-1", "forms/missing.form")).thenReturn(null);

		passed(filtered("task/task-1/complete", "{\"variables\": {\"gap\": {\"value\": 10}}}"));

		task(formRef("broken"));
		when(repository.getResourceAsStream("deployment-1", "forms/broken.form")).thenAnswer(call -> stream("{"));
		passed(filtered("task/task-1/complete", "{\"variables\": {\"gap\": {\"value\": 10}}}"));
	}

	@Test
	void eachDeploymentsFormIsReadOnce() throws IOException {
		task(formRef("review"));

		filtered("task/task-1/complete", "{\"variables\": {\"reps\": {\"value\": 1}}}");
		filtered("task/task-1/complete", "{\"variables\": {\"reps\": {\"value\": 2}}}");

		verify(repository, times(1)).getResourceAsStream("deployment-1", "forms/review.form");
	}

	@Test
	void aStartIsCheckedAgainstTheStartForm() throws IOException {
		startable("review");

		ContainerRequestContext request = filtered("process-definition/key/planning/start",
				"{\"variables\": {\"year\": {\"value\": 2027}}}");

		assertThat(refusal(request)).containsEntry("field", "year")
			.containsEntry("message", "字段 year：表单 review 没有这个字段 / field 'year' is not on the start form 'review' "
					+ "(its fields: [reps])");
		verify(definitions).processDefinitionKey("planning");
		verify(definitions).latestVersion();
		verify(definitions).withoutTenantId();
	}

	@Test
	void aStartByIdOrTenantFindsThatDefinition() throws IOException {
		startable("review");
		String body = "{\"variables\": {\"reps\": {\"value\": 1}}}";

		passed(filtered("process-definition/planning:3/submit-form", body));
		verify(definitions).processDefinitionId("planning:3");
		assertThat(
				refusal(filtered("process-definition/planning:3/start", "{\"variables\": {\"gap\": {\"value\": 1}}}")))
			.containsEntry("field", "gap");

		passed(filtered("/engine-rest/process-definition/key/planning/tenant-id/east/start/", body));
		verify(definitions).tenantIdIn("east");
		verify(definitions, never()).withoutTenantId();
	}

	@Test
	void aStartMayNotBeginElsewhereThanAtItsStartEvent() throws IOException {
		startable("review");

		ContainerRequestContext request = filtered("process-definition/key/planning/start",
				"{\"variables\": {\"reps\": {\"value\": 1}}, \"startInstructions\": [{\"type\": \"startBeforeActivity\"}]}");

		assertThat(refusal(request)).containsEntry("field", "startInstructions")
			.containsEntry("message", "字段 startInstructions：流程只能从开始事件启动 / field 'startInstructions': "
					+ "a process starts at its start event, with its start form");
		passed(filtered("process-definition/key/planning/start",
				"{\"variables\": {\"reps\": {\"value\": 1}}, \"startInstructions\": []}"));
	}

	@Test
	void aProcessWithoutStartFormIsStartedOnlyByTheProcessThatCallsIt() throws IOException {
		startable(null);

		ContainerRequestContext request = filtered("process-definition/key/planning/start",
				"{\"variables\": {\"regionId\": {\"value\": \"east\"}, \"year\": {\"value\": 2027}}}");

		assertThat(refusal(request)).containsEntry("field", "regionId")
			.containsEntry("message", "字段 regionId：流程 planning 没有开始表单，只由调用它的流程启动 / field 'regionId': process "
					+ "'planning' has no start form: the process that calls it starts it");
	}

	@Test
	void anAdminMayStartAProcessWithoutStartFormByHand() throws IOException {
		startable(null);
		when(identity.getCurrentAuthentication())
			.thenReturn(new Authentication("ops", List.of("operators", Roles.ADMIN)));

		passed(filtered("process-definition/key/planning/start",
				"{\"variables\": {\"regionId\": {\"value\": \"east\"}}}"));
	}

	@Test
	void anyoneMayStartAProcessWithoutStartFormWithoutVariables() throws IOException {
		startable(null);
		when(identity.getCurrentAuthentication()).thenReturn(new Authentication("li", List.of("regional-manager")));

		passed(filtered("process-definition/key/planning/start", "{\"variables\": {}}"));
		passed(filtered("process-definition/key/planning/start", null));
		assertThat(refusal(filtered("process-definition/key/planning/start",
				"{\"variables\": {\"regionId\": {\"value\": \"east\"}}}")))
			.containsEntry("field", "regionId");
	}

	@Test
	void aCallerWithoutGroupsIsNoAdmin() throws IOException {
		startable(null);
		when(identity.getCurrentAuthentication()).thenReturn(new Authentication("li", null));

		assertThat(refusal(filtered("process-definition/key/planning/start",
				"{\"variables\": {\"regionId\": {\"value\": \"east\"}}}")))
			.containsEntry("field", "regionId");
	}

	@Test
	void aStartFormThatCannotBeFoundCountsAsNone() throws IOException {
		startable("missing");
		when(repository.getResourceAsStream("deployment-1", "forms/missing.form")).thenReturn(null);
		String body = "{\"variables\": {\"regionId\": {\"value\": \"east\"}}}";

		assertThat(refusal(filtered("process-definition/key/planning/start", body))).containsEntry("message",
				"字段 regionId：流程 planning 没有开始表单，只由调用它的流程启动 / field 'regionId': process "
						+ "'planning' has no start form: the process that calls it starts it");

		when(forms.getStartFormData("planning:3")).thenThrow(new IllegalStateException("no start form data"));
		assertThat(refusal(filtered("process-definition/key/planning/start", body))).containsEntry("field", "regionId");
	}

	@Test
	void aProcessTheCallerCannotSeeIsLeftToCamunda() throws IOException {
		when(definitions.singleResult()).thenReturn(null);
		passed(filtered("process-definition/key/hidden/start", "{\"variables\": {\"x\": {\"value\": 1}}}"));

		when(definitions.singleResult()).thenThrow(new IllegalStateException("denied"));
		passed(filtered("process-definition/key/hidden/start", "{\"variables\": {\"x\": {\"value\": 1}}}"));
	}

}
