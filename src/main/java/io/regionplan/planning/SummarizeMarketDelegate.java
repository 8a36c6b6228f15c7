package io.regionplan.planning;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

import io.regionplan.engine.ExpressionBean;
import io.regionplan.engine.VariableContract;
import io.regionplan.market.ChannelMetrics;
import io.regionplan.market.CityMetrics;
import io.regionplan.market.DealerMetrics;
import io.regionplan.market.MarketMetrics;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The metrics the manager checks before planning (data refresh check): data period,
 * cities, dealers, sales, growth, share and distribution, as text for the form.
 */
@ExpressionBean
@Component("summarizeMarketDelegate")
class SummarizeMarketDelegate implements JavaDelegate, VariableContract {

	private final MarketMetrics metrics;

	SummarizeMarketDelegate(MarketMetrics metrics) {
		this.metrics = metrics;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String region = CycleContext.region(execution);
		YearMonth period = CycleContext.period(execution, metrics);
		List<CityMetrics> cities = metrics.cities(region, period);
		List<DealerMetrics> dealers = metrics.dealers(region, period);
		List<ChannelMetrics> channels = metrics.channels(region);
		BigDecimal sales = cities.stream().map(CityMetrics::sales).reduce(BigDecimal.ZERO, BigDecimal::add);
		BigDecimal before = cities.stream().map(CityMetrics::previousSales).reduce(BigDecimal.ZERO, BigDecimal::add);
		long stores = channels.stream().mapToLong(ChannelMetrics::stores).sum();
		long carrying = channels.stream().mapToLong(ChannelMetrics::carrying).sum();
		StringBuilder text = new StringBuilder();
		text.append("数据截至 / data up to ").append(period).append('\n');
		text.append("城市 / cities ")
			.append(cities.size())
			.append("，经销商 / dealers ")
			.append(dealers.size())
			.append("，门店 / stores ")
			.append(stores)
			.append('\n');
		text.append("近 12 个月销售额 / sales, last 12 months ")
			.append(sales.setScale(0, RoundingMode.HALF_UP).toPlainString());
		if (before.signum() > 0) {
			text.append("，同比 / YoY ")
				.append(sales.subtract(before)
					.multiply(BigDecimal.valueOf(100))
					.divide(before, 1, RoundingMode.HALF_UP))
				.append('%');
		}
		text.append('\n')
			.append("数值铺货率 / ND ")
			.append(stores == 0 ? "—"
					: BigDecimal.valueOf(carrying * 100).divide(BigDecimal.valueOf(stores), 1, RoundingMode.HALF_UP)
							+ "%");
		for (CityMetrics city : cities) {
			text.append('\n')
				.append(city.nameZh())
				.append(" ")
				.append(city.nameEn())
				.append("：份额 / share ")
				.append(city.share() == null ? "—"
						: city.share().multiply(BigDecimal.valueOf(100)).setScale(2, RoundingMode.HALF_UP) + "%")
				.append("，增长 / growth ")
				.append(city.growth() == null ? "—"
						: city.growth().multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP) + "%");
		}
		execution.setVariable("marketSummary", text.toString());
		execution.setVariable("citiesCount", cities.size());
		execution.setVariable("dealersCount", dealers.size());
	}

	@Override
	public Set<String> reads() {
		return Set.of("region");
	}

	@Override
	public Set<String> writes() {
		return Set.of("period", "marketSummary", "citiesCount", "dealersCount");
	}

}
