package io.regionplan.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.regionplan.IntegrationTest;
import io.regionplan.market.imports.Importer;
import io.regionplan.market.imports.MarketImports;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The metrics of region t1 (MarketFixtures) against values computed by hand for period
 * 2026-10: window 2025-11..2026-10, previous 2024-11..2025-10.
 */
@IntegrationTest
class MarketMetricsIntegrationTests {

	static final YearMonth PERIOD = YearMonth.of(2026, 10);

	@Autowired
	MarketImports imports;

	@Autowired
	MarketMetrics metrics;

	@Autowired
	MarketNames names;

	@TempDir
	Path dir;

	private static boolean imported;

	@BeforeEach
	void importT1() {
		if (imported) {
			return;
		}
		MarketFixtures.T1.forEach((kind,
				text) -> assertThat(imports
					.importNow(kind, MarketFixtures.csv(dir, kind + ".csv", text), kind + ".csv", Importer.system())
					.status()).as(kind).isEqualTo("SUCCEEDED"));
		imported = true;
	}

	private Map<String, CityMetrics> cities() {
		return metrics.cities("t1", PERIOD)
			.stream()
			.collect(Collectors.toMap(CityMetrics::cityId, Function.identity()));
	}

	private Map<String, DealerMetrics> dealers() {
		return metrics.dealers("t1", PERIOD)
			.stream()
			.collect(Collectors.toMap(DealerMetrics::dealerId, Function.identity()));
	}

	@Test
	void latestMonthIsThePeriodByDefault() {
		assertThat(metrics.latestMonth("t1")).contains(PERIOD);
	}

	@Test
	void citySalesGrowthShareAndAchievement() {
		CityMetrics a = cities().get("t1-a");

		// 1500 + 500 (d1) + 300 (d2) in the window; 1000 (d1, 2025-01) before
		assertThat(a.sales()).isEqualByComparingTo("2300");
		assertThat(a.previousSales()).isEqualByComparingTo("1000");
		assertThat(a.growth()).isEqualByComparingTo("1.3");
		assertThat(a.share()).isEqualByComparingTo("0.0023");
		// volume 2026-01..10 = 15 + 5 + 3; the year's target 120 pro rata for 10 months =
		// 100
		assertThat(a.volumeToDate()).isEqualByComparingTo("23");
		assertThat(a.targetToDate()).isEqualByComparingTo("100");
		assertThat(a.achievement()).isEqualByComparingTo("0.23");
		assertThat(a.neighbours()).containsExactly("t1-b");
		assertThat(a.monthsWithSales()).isEqualTo(3);
	}

	@Test
	void cityWithMonthlyTargetsAndFallingSales() {
		CityMetrics c = cities().get("t1-c");

		assertThat(c.growth()).isEqualByComparingTo("-0.5");
		assertThat(c.share()).isEqualByComparingTo("0.0008");
		assertThat(c.targetToDate()).isEqualByComparingTo("30");
		assertThat(c.achievement()).isEqualByComparingTo("0.133333");
	}

	@Test
	void cityWithZeroMarketSizeAndNoSalesHasUndefinedMetrics() {
		CityMetrics b = cities().get("t1-b");

		assertThat(b.sales()).isEqualByComparingTo("0");
		assertThat(b.share()).isNull();
		assertThat(b.growth()).isNull();
		assertThat(b.achievement()).isNull();
		assertThat(b.neighbours()).containsExactly("t1-a");
	}

	@Test
	void channelDistribution() {
		List<ChannelMetrics> channels = metrics.channels("t1");
		ChannelMetrics ka = channels.stream()
			.filter(m -> m.cityId().equals("t1-a") && m.channelId().equals("T-KA"))
			.findFirst()
			.orElseThrow();
		ChannelMetrics groceryInA = channels.stream()
			.filter(m -> m.cityId().equals("t1-a") && m.channelId().equals("T-GROC"))
			.findFirst()
			.orElseThrow();

		assertThat(ka.stores()).isEqualTo(4);
		assertThat(ka.carrying()).isEqualTo(2);
		assertThat(ka.nd()).isEqualByComparingTo("0.5");
		assertThat(ka.wtd()).isEqualByComparingTo("0.4");
		// t1-s3 (600) and t1-s4 (0) do not carry the product
		assertThat(ka.unservedCategorySales()).isEqualByComparingTo("600");
		assertThat(groceryInA.stores()).isZero();
		assertThat(groceryInA.nd()).isNull();
		assertThat(groceryInA.wtd()).isNull();
		assertThat(groceryInA.unservedCategorySales()).isEqualByComparingTo("0");
	}

	@Test
	void channelsAreNamedInChineseAsImported() {
		assertThat(names.channelsZh()).containsEntry("T-KA", "测试大卖场").containsEntry("T-GROC", "测试杂货");
	}

	@Test
	void dealerGrowthPercentileAndCoverage() {
		Map<String, DealerMetrics> dealers = dealers();
		DealerMetrics d1 = dealers.get("t1-d1");
		DealerMetrics d2 = dealers.get("t1-d2");
		DealerMetrics d3 = dealers.get("t1-d3");

		assertThat(d1.sales()).isEqualByComparingTo("2000");
		assertThat(d1.growth()).isEqualByComparingTo("1");
		assertThat(d2.growth()).as("no sales last year").isNull();
		assertThat(d3.growth()).isEqualByComparingTo("-0.5");
		// sales 2000 > 400 > 300
		assertThat(d1.percentile()).isEqualByComparingTo("1");
		assertThat(d3.percentile()).isEqualByComparingTo("0.5");
		assertThat(d2.percentile()).isEqualByComparingTo("0");
		assertThat(d1.servedStores()).isEqualTo(2);
		assertThat(d1.coverage()).isEqualByComparingTo("0.5");
		assertThat(d2.coverage()).as("no target stores").isNull();
		assertThat(d3.coverage()).isEqualByComparingTo("0");
		assertThat(d2.overdueDays()).isEqualTo(104);
		assertThat(d3.crossRegionIncidents()).isEqualTo(2);
	}

}
