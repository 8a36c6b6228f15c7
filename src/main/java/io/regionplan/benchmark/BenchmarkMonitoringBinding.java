package io.regionplan.benchmark;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import io.regionplan.market.MarketMetrics;
import io.regionplan.rules.RuleRun;
import io.regionplan.rules.RuleSetBinding;
import io.regionplan.rules.fact.Review;
import io.regionplan.rules.fact.ReviewBand;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * {@code quarterly-review} bands on a benchmark city every month: last month's volume
 * against the monthly target of the growth-opportunity analysis; counts OFF_TRACK months
 * in a row.
 */
@Component
class BenchmarkMonitoringBinding implements RuleSetBinding {

	private final MarketMetrics metrics;

	BenchmarkMonitoringBinding(MarketMetrics metrics) {
		this.metrics = metrics;
	}

	@Override
	public String ruleSet() {
		return "quarterly-review";
	}

	@Override
	public String name() {
		return "benchmark-monitoring";
	}

	@Override
	public Collection<?> facts(DelegateExecution execution) {
		String region = (String) execution.getVariable("region");
		String city = (String) execution.getVariable("benchmarkCity");
		Object target = execution.getVariable("targetMonthlyVolume");
		if (!(target instanceof Number plan)) {
			throw new ProcessEngineException("变量 targetMonthlyVolume 缺失 / variable 'targetMonthlyVolume' is missing");
		}
		YearMonth month = YearMonth
			.from(LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneId.systemDefault()))
			.minusMonths(1);
		BigDecimal actual = metrics.cityMonthlyVolumes(region, month, month)
			.getOrDefault(city, java.util.Map.of())
			.getOrDefault(month, BigDecimal.ZERO);
		execution.setVariable("monitoredMonth", month.toString());
		return List.of(new Review("city", city, actual, new BigDecimal(plan.toString()),
				(String) execution.getVariable("lastBand")));
	}

	@Override
	public void apply(DelegateExecution execution, RuleRun run) {
		ReviewBand band = run.factsOf(ReviewBand.class).get(0);
		int offTrack = ReviewBand.OFF_TRACK.equals(band.band()) ? count(execution, "offTrackMonths") + 1 : 0;
		execution.setVariable("lastBand", band.band());
		execution.setVariable("lastBandReason", band.reasonZh() + " / " + band.reasonEn());
		execution.setVariable("offTrackMonths", offTrack);
		execution.setVariable("monitoredMonths", count(execution, "monitoredMonths") + 1);
	}

	private static int count(DelegateExecution execution, String name) {
		Object value = execution.getVariable(name);
		return value instanceof Number number ? number.intValue() : 0;
	}

	@Override
	public Set<String> reads() {
		return Set.of("region", "benchmarkCity", "targetMonthlyVolume", "lastBand", "offTrackMonths",
				"monitoredMonths");
	}

	@Override
	public Set<String> writes() {
		return Set.of("monitoredMonth", "lastBand", "lastBandReason", "offTrackMonths", "monitoredMonths");
	}

}
