package io.regionplan.decision;

import static io.regionplan.decision.DecisionControllerTests.AUDITOR;
import static io.regionplan.decision.DecisionControllerTests.MANAGER;
import static io.regionplan.decision.DecisionControllerTests.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The decision list as CSV, called as a method (no Spring): one row per subject over
 * every page, formulas defused, bad filters answered as text.
 */
class DecisionCsvControllerTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final DecisionQueries queries = mock(DecisionQueries.class);

	private final DecisionCsvController controller = new DecisionCsvController(queries);

	private final MockHttpServletResponse response = new MockHttpServletResponse();

	private static final String HEADER = "id,ruleSet,ruleVersion,region,processInstanceId,activityId,userId,evaluatedAt,"
			+ "kind,subjectType,subjectId,result,firedRules,reasonZh,reasonEn\r\n";

	private static Decision decision(String id, DecisionSubject... subjects) {
		return new Decision(id, "dealer-classification", "deployment-1:0123456789ab", "deployment-1", Runs.HASH, "pi-1",
				"classify", "east", "li.manager", Instant.parse("2026-11-16T00:00:00Z"), "EVALUATION", subjects.length,
				List.of(subjects));
	}

	private static DecisionSubject subject(String id, String result, String reasonZh) throws Exception {
		return new DecisionSubject("dealer", id, null, List.of("TierA", "Overdue"), JSON.readTree(result),
				new DecisionSubject.Reason(reasonZh, "reason " + id));
	}

	@Test
	void everySubjectOfEveryDecisionIsARowWithBomAndHeader() throws Exception {
		DecisionFilter filter = new DecisionFilter(null, "dealer-classification", null, null, null,
				Set.of("east", "north"));
		when(queries.list(filter, 0, 50, Integer.MAX_VALUE))
			.thenReturn(new DecisionQueries.Page(List.of(decision("dec-1", subject("d-01", "{\"tier\":\"A\"}", "核心"),
					subject("d-02", "{\"flag\":[\"OVERDUE\"]}", "逾期, 超 90 天"))), 0, 50, 1));

		controller.csv(null, "dealer-classification", null, null, null, null, MANAGER, request("ruleSet"), response);

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType()).isEqualTo("text/csv; charset=UTF-8");
		assertThat(response.getHeader("Content-Disposition")).isEqualTo("attachment; filename=\"decisions.csv\"");
		assertThat(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("\uFEFF" + HEADER
				+ "dec-1,dealer-classification,deployment-1:0123456789ab,east,pi-1,classify,li.manager,"
				+ "2026-11-16T00:00:00Z,EVALUATION,dealer,d-01,\"{\"\"tier\"\":\"\"A\"\"}\",TierA|Overdue,核心,reason d-01\r\n"
				+ "dec-1,dealer-classification,deployment-1:0123456789ab,east,pi-1,classify,li.manager,"
				+ "2026-11-16T00:00:00Z,EVALUATION,dealer,d-02,\"{\"\"flag\"\":[\"\"OVERDUE\"\"]}\",TierA|Overdue,"
				+ "\"逾期, 超 90 天\",reason d-02\r\n");
	}

	@Test
	void everyPageIsReadUntilTheTotal() throws Exception {
		DecisionFilter all = new DecisionFilter(null, null, null, null, null, null);
		when(queries.list(all, 0, 50, Integer.MAX_VALUE))
			.thenReturn(new DecisionQueries.Page(List.of(decision("dec-1", subject("d-01", "{}", "a"))), 0, 50, 101));
		when(queries.list(all, 1, 50, Integer.MAX_VALUE))
			.thenReturn(new DecisionQueries.Page(List.of(decision("dec-2", subject("d-01", "{}", "b"))), 1, 50, 101));
		when(queries.list(all, 2, 50, Integer.MAX_VALUE))
			.thenReturn(new DecisionQueries.Page(List.of(decision("dec-3", subject("d-01", "{}", "c"))), 2, 50, 101));

		controller.csv(null, null, null, null, null, null, AUDITOR, request(), response);

		assertThat(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8).lines())
			.extracting(line -> line.split(",")[0])
			.containsExactly("\uFEFFid", "dec-1", "dec-2", "dec-3");
	}

	@Test
	void aFullLastPageEndsTheList() throws Exception {
		DecisionFilter all = new DecisionFilter(null, null, null, null, null, null);
		when(queries.list(all, 0, 50, Integer.MAX_VALUE))
			.thenReturn(new DecisionQueries.Page(List.of(decision("dec-1", subject("d-01", "{}", "a"))), 0, 50, 50));

		controller.csv(null, null, null, null, null, null, AUDITOR, request(), response);

		verify(queries, never()).list(all, 1, 50, Integer.MAX_VALUE);
		assertThat(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8).lines()).hasSize(2);
	}

	@Test
	void badFiltersAreAnsweredAsText() throws Exception {
		controller.csv(null, null, null, null, "yesterday", null, AUDITOR, request("from"), response);

		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(response.getContentType()).isEqualTo("text/plain; charset=UTF-8");
		assertThat(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
			.isEqualTo("from 须为 YYYY-MM-DD 或 ISO 时间 / from must be YYYY-MM-DD or an ISO instant");
		verify(queries, never()).list(any(), anyInt(), anyInt(), anyInt());
	}

	@Test
	void pagingParametersAndOtherRegionsAreRefusedInCsv() throws Exception {
		controller.csv(null, null, null, null, null, null, AUDITOR, request("page"), response);
		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
			.startsWith("未知的参数 'page'，可用：[" + "processInstanceId, ruleSet, subject, region, from, to]");

		MockHttpServletResponse other = new MockHttpServletResponse();
		controller.csv(null, null, null, "south", null, null, MANAGER, request("region"), other);
		assertThat(other.getStatus()).isEqualTo(404);
		assertThat(other.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
			.isEqualTo("没有这个区域 / no region 'south'");
	}

	@Test
	void cellsThatASpreadsheetWouldRunAreWrittenAsText() {
		assertThat(DecisionCsvController.cells("=SUM(A1)", "+1", "-1", "@cmd", "\tx", "\rx", "a=b", "", null, "1-2"))
			.isEqualTo(Arrays.asList("'=SUM(A1)", "'+1", "'-1", "'@cmd", "'\tx", "'\rx", "a=b", "", null, "1-2"));
	}

}
