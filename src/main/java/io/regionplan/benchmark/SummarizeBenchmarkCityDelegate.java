package io.regionplan.benchmark;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Set;

import io.regionplan.engine.ExpressionBean;
import io.regionplan.engine.VariableContract;
import io.regionplan.market.ChannelMetrics;
import io.regionplan.market.MarketMetrics;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * What the growth-opportunity analysis starts from: the benchmark city's ND and WTD by
 * channel and the gaps to full distribution, and its dealers.
 */
@ExpressionBean
@Component("summarizeBenchmarkCityDelegate")
class SummarizeBenchmarkCityDelegate implements JavaDelegate, VariableContract {

	private final MarketMetrics metrics;

	SummarizeBenchmarkCityDelegate(MarketMetrics metrics) {
		this.metrics = metrics;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String region = (String) execution.getVariable("region");
		String city = (String) execution.getVariable("benchmarkCity");
		StringBuilder text = new StringBuilder();
		long gapStores = 0;
		for (ChannelMetrics channel : metrics.channels(region)) {
			if (!channel.cityId().equals(city) || channel.stores() == 0) {
				continue;
			}
			gapStores += channel.stores() - channel.carrying();
			text.append(channel.channelId())
				.append("：ND ")
				.append(percent(channel.nd()))
				.append("，WTD ")
				.append(percent(channel.wtd()))
				.append("，未铺货门店 / stores without us ")
				.append(channel.stores() - channel.carrying())
				.append('\n');
		}
		long dealers = metrics.dealerCities(region).values().stream().filter(cities -> cities.contains(city)).count();
		text.append("经销商 / dealers ").append(dealers).append("；未铺货门店合计 / stores without us ").append(gapStores);
		execution.setVariable("benchmarkCitySummary", text.toString());
	}

	private static String percent(BigDecimal value) {
		return value == null ? "—" : value.movePointRight(2).setScale(1, RoundingMode.HALF_UP) + "%";
	}

	@Override
	public Set<String> reads() {
		return Set.of("region", "benchmarkCity");
	}

	@Override
	public Set<String> writes() {
		return Set.of("benchmarkCitySummary");
	}

}
