package io.regionplan.decision;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import io.regionplan.system.RegionPlanUser;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.server.ResponseStatusException;

/**
 * The decision list as a CSV download, with the same filters and region scope as the JSON
 * list of {@link DecisionController}.
 */
@RestController
@RequestMapping("/api/decisions")
class DecisionCsvController {

	private final DecisionQueries queries;

	DecisionCsvController(DecisionQueries queries) {
		this.queries = queries;
	}

	/**
	 * The same list as CSV, one row per subject with its region, UTF-8 with BOM so that
	 * Excel shows Chinese correctly; every matching decision (no paging).
	 */
	@GetMapping(produces = "text/csv")
	void csv(@RequestParam(required = false) String processInstanceId, @RequestParam(required = false) String ruleSet,
			@RequestParam(required = false) String subject, @RequestParam(required = false) String region,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@AuthenticationPrincipal RegionPlanUser user, WebRequest request, HttpServletResponse response)
			throws IOException {
		DecisionFilter filter;
		try {
			DecisionController.onlyKnown(request, DecisionController.FILTERS, List.of());
			filter = new DecisionFilter(processInstanceId, ruleSet, subject, DecisionController.instant(from, "from"),
					DecisionController.instant(to, "to"), DecisionController.regions(user, region));
		}
		catch (ResponseStatusException ex) {
			// as text: a caller that accepts only CSV would get the error's JSON as an
			// empty answer
			response.setStatus(ex.getStatusCode().value());
			response.setContentType("text/plain; charset=UTF-8");
			response.getWriter().write(ex.getReason());
			return;
		}
		response.setContentType("text/csv; charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"decisions.csv\"");
		Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		writer.write('\uFEFF');
		try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT)) {
			csv.printRecord("id", "ruleSet", "ruleVersion", "region", "processInstanceId", "activityId", "userId",
					"evaluatedAt", "kind", "subjectType", "subjectId", "result", "firedRules", "reasonZh", "reasonEn");
			for (int page = 0;; page++) {
				DecisionQueries.Page decisions = queries.list(filter, page, 50, Integer.MAX_VALUE);
				for (Decision d : decisions.content()) {
					for (DecisionSubject s : d.subjects()) {
						csv.printRecord(cells(d.id(), d.ruleSet(), d.ruleVersion(), d.tenantId(), d.processInstanceId(),
								d.activityId(), d.userId(), d.evaluatedAt().toString(), d.kind(), s.subjectType(),
								s.subjectId(), s.result().toString(), String.join("|", s.firedRules()), s.reason().zh(),
								s.reason().en()));
					}
				}
				if ((long) (page + 1) * 50 >= decisions.totalElements()) {
					break;
				}
			}
		}
	}

	/**
	 * Cells that a spreadsheet would run as a formula are written as text (CSV
	 * injection).
	 */
	static List<String> cells(String... values) {
		List<String> cells = new ArrayList<>(values.length);
		for (String value : values) {
			if (value != null && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
				cells.add("'" + value);
			}
			else {
				cells.add(value);
			}
		}
		return cells;
	}

}
