package io.regionplan.planning;

import java.util.List;

import io.regionplan.engine.ExpressionBean;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the quarterly review process asks of a review: the OFF_TRACK cities, one
 * corrective-action task each. Referenced from BPMN as {@code quarterlyReviews}.
 */
@ExpressionBean
@Component("quarterlyReviews")
public class QuarterlyReviews {

	private final JdbcTemplate jdbc;

	QuarterlyReviews(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public List<String> offTrackCities(DelegateExecution execution) {
		return jdbc.queryForList(
				"select subject_id from cycle_review where process_instance_id = ? and quarter = ? "
						+ "and subject_type = 'city' and band = 'OFF_TRACK' order by subject_id",
				String.class, CycleContext.cycleId(execution), QuarterlyReviewBinding.number(execution, "quarter"));
	}

}
