package io.regionplan.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.atMostOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Map;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.ArgumentCaptor;

/**
 * Which engine REST requests on one task or one process definition pass (the operations
 * offered) and which answer 403 naming the operation, on a stand-in request: both APIs'
 * paths, by id and by key, a trailing slash.
 */
class EngineOperationsOfferedTests {

	private final EngineOperationsOffered filter = new EngineOperationsOffered();

	/** The answer to a request, or {@code null} when it passes to Camunda. */
	private Response answer(String method, String path) {
		ContainerRequestContext request = mock(ContainerRequestContext.class);
		UriInfo uri = mock(UriInfo.class);
		when(request.getMethod()).thenReturn(method);
		when(request.getUriInfo()).thenReturn(uri);
		when(uri.getPath()).thenReturn(path);
		filter.filter(request);
		ArgumentCaptor<Response> refused = ArgumentCaptor.forClass(Response.class);
		verify(request, atMostOnce()).abortWith(refused.capture());
		return refused.getAllValues().isEmpty() ? null : refused.getValue();
	}

	@ParameterizedTest
	@CsvSource({ "POST, task/t1/claim", "POST, task/t1/unclaim", "POST, task/t1/assignee", "POST, task/t1/delegate",
			"POST, task/t1/complete", "POST, /task/t1/submit-form", "POST, task/t1/resolve/",
			"POST, task/t1/comment/create", "POST, task/t1/attachment/create", "POST, task/t1/identity-links",
			"POST, task/t1/identity-links/delete", "POST, task/t1/variables", "POST, task/t1/localVariables",
			"POST, task/t1/variables/report/data", "POST, engine/default/task/t1/complete", "POST, task",
			"POST, task/count", "POST, task/create", "PUT, task/t1", "DELETE, task/t1/variables/v",
			"GET, task/t1/bpmnError", "POST, process-definition/d1/start",
			"POST, process-definition/key/regional-planning-cycle/submit-form",
			"POST, process-definition/key/k/tenant-id/east/start", "POST, engine/default/process-definition/d1/start",
			"PUT, process-definition/d1/suspended", "POST, process-instance/p1/variables", "POST, history/task/count" })
	void anOfferedOperationPasses(String method, String path) {
		assertThat(answer(method, path)).isNull();
	}

	@ParameterizedTest
	@CsvSource({ "task/t1/bpmnError, bpmnError", "task/t1/bpmnEscalation/, bpmnEscalation",
			"engine/default/task/t1/bpmnError, bpmnError", "task/t1/variables/v/other, variables/v/other",
			"task/t1/anything-new, anything-new", "process-definition/d1/restart, restart",
			"process-definition/d1/restart-async, restart-async", "process-definition/key/k/restart, restart",
			"engine/default/process-definition/key/k/tenant-id/east/restart, restart" })
	void anyOtherOperationIs403NamingIt(String path, String operation) {
		Response refused = answer("POST", path);

		assertThat(refused).isNotNull();
		assertThat(refused.getStatus()).isEqualTo(403);
		@SuppressWarnings("unchecked")
		Map<String, Object> body = (Map<String, Object>) refused.getEntity();
		assertThat(body).containsEntry("type", "Forbidden");
		assertThat((String) body.get("message")).contains("'" + operation + "' is not offered").contains("不提供");
	}

}
