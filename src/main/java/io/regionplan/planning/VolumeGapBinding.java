package io.regionplan.planning;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import io.regionplan.rules.RuleRun;
import io.regionplan.rules.RuleSetBinding;
import io.regionplan.rules.fact.GapBand;
import io.regionplan.rules.fact.VolumeGap;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The {@code volume-gap} rule set in the planning cycle: the region's HQ target against
 * the system's forecast, with the manager's plan beside it; the band decides whether a
 * gap-closing plan and the director's approval are needed. The gap is target − forecast
 * whatever the plan says; the plan's part above the forecast ({@code upliftVolume}) is
 * what the gap-closing sources must cover.
 */
@Component
class VolumeGapBinding implements RuleSetBinding {

	static final String TARGET = "hqVolumeTarget";

	/**
	 * The manager's plan; before the volume plan step (the Foundation's short cycle)
	 * there is none, and the plan is the forecast.
	 */
	static final String PLAN = "plannedVolume";

	static final String FORECAST = "forecastVolume";

	@Override
	public String ruleSet() {
		return "volume-gap";
	}

	@Override
	public Collection<?> facts(DelegateExecution execution) {
		String region = (String) execution.getVariable("region");
		BigDecimal forecast = number(execution, FORECAST);
		BigDecimal plan = execution.getVariable(PLAN) != null ? number(execution, PLAN) : forecast;
		return List.of(new VolumeGap(region, number(execution, TARGET), forecast, plan));
	}

	@Override
	public void apply(DelegateExecution execution, RuleRun run) {
		List<GapBand> bands = run.factsOf(GapBand.class);
		if (bands.size() != 1) {
			throw new ProcessEngineException("规则集 volume-gap 应给出一个缺口区间，实际 " + bands.size()
					+ " / rule set 'volume-gap' must decide exactly one band, decided " + bands.size());
		}
		GapBand band = bands.get(0);
		VolumeGap gap = run.factsOf(VolumeGap.class).get(0);
		execution.setVariable("gapRatio", gap.gapRatio().doubleValue());
		execution.setVariable("gapVolume", gap.gap().max(BigDecimal.ZERO).longValueExact());
		execution.setVariable("upliftVolume", gap.uplift().longValueExact());
		execution.setVariable("gapBand", band.band());
		execution.setVariable("gapReason", band.reasonZh() + " / " + band.reasonEn());
	}

	private static BigDecimal number(DelegateExecution execution, String name) {
		Object value = execution.getVariable(name);
		if (value instanceof Number number) {
			BigDecimal volume = new BigDecimal(number.toString());
			if (volume.stripTrailingZeros().scale() > 0) {
				throw new ProcessEngineException("变量 " + name + " 必须是整箱数 / variable '" + name
						+ "' must be a whole number of cases, got: " + volume.toPlainString());
			}
			return volume;
		}
		throw new ProcessEngineException(
				"变量 " + name + " 必须是数字 / variable '" + name + "' must be a number, got: " + value);
	}

	@Override
	public Set<String> reads() {
		return Set.of("region", "hqVolumeTarget", "plannedVolume", "forecastVolume");
	}

	@Override
	public Set<String> writes() {
		return Set.of("gapRatio", "gapVolume", "upliftVolume", "gapBand", "gapReason");
	}

}
