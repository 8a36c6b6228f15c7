package io.regionplan.decision;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.regionplan.rules.RuleRun;

import org.springframework.jdbc.core.JdbcTemplate;

/** The audit write path outside Spring, for the benchmark. */
public final class DecisionAuditBench {

	private final DecisionRecorder recorder;

	public DecisionAuditBench(JdbcTemplate jdbc, ObjectMapper json) {
		this.recorder = new DecisionRecorder(jdbc, json);
	}

	public String record(RuleRun run) {
		return recorder.record(run, "bench", "Task_DealerClassification", "east", "bench");
	}

}
