package io.regionplan.planning;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.regionplan.engine.ExpressionBean;
import io.regionplan.engine.VariableContract;
import io.regionplan.market.MarketMetrics;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The volume forecast for the planning year from each city's history ({@link Forecast}),
 * stored per city and month; the region total and the biggest cities go to the volume
 * plan form.
 */
@ExpressionBean
@Component("computeForecastDelegate")
class ComputeForecastDelegate implements JavaDelegate, VariableContract {

	private final MarketMetrics metrics;

	private final PlanVolumes plans;

	ComputeForecastDelegate(MarketMetrics metrics, PlanVolumes plans) {
		this.metrics = metrics;
		this.plans = plans;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String region = CycleContext.region(execution);
		YearMonth period = CycleContext.period(execution, metrics);
		Map<String, Forecast> forecasts = new LinkedHashMap<>();
		metrics.cityMonthlyVolumes(region, period.minusMonths(23), period)
			.forEach((city, history) -> forecasts.put(city, Forecast.of(history, period)));
		plans.saveForecasts(CycleContext.cycleId(execution), forecasts);
		BigDecimal total = forecasts.values().stream().map(Forecast::year).reduce(BigDecimal.ZERO, BigDecimal::add);
		execution.setVariable("forecastVolume", total.longValue());
		execution.setVariable("forecastByCity",
				forecasts.entrySet()
					.stream()
					.sorted(Comparator.comparing((Map.Entry<String, Forecast> e) -> e.getValue().year()).reversed())
					.map(e -> e.getKey() + " " + e.getValue().year().toPlainString() + "（趋势 / trend ×"
							+ e.getValue().trend() + "）")
					.collect(Collectors.joining("\n")));
	}

	@Override
	public Set<String> reads() {
		return Set.of("region");
	}

	@Override
	public Set<String> writes() {
		return Set.of("period", "forecastVolume", "forecastByCity");
	}

}
