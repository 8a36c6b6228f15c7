package io.regionplan.market.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;

import io.regionplan.IntegrationTest;
import io.regionplan.market.CityMetrics;
import io.regionplan.market.DealerMetrics;
import io.regionplan.market.MarketMetrics;
import io.regionplan.market.imports.ImportReport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

@IntegrationTest
class DemoMarketIntegrationTests {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MarketMetrics metrics;

	@Autowired
	TestRestTemplate rest;

	@TempDir
	Path dir;

	private int count(String sql) {
		return jdbc.queryForObject(sql, Integer.class);
	}

	@Test
	void demoProfileStartsWithBothRegionsLoaded() {
		assertThat(count("select count(*) from market_region where id in ('east', 'south')")).isEqualTo(2);
		// 24 old markets and the new market 镇江 with its 86 stores (DemoMarket case g)
		assertThat(count("select count(*) from market_city where region_id in ('east', 'south')")).isEqualTo(25);
		assertThat(count("select count(*) from market_dealer where region_id in ('east', 'south')")).isEqualTo(300);
		assertThat(count("select count(*) from market_store where id like 'S-%'")).isEqualTo(6000 + 86);
		assertThat(count("select count(*) from market_spend where id like 'SP-2026-03-%'"))
			.isEqualTo(DemoMarket.generate(DemoMarket.Size.DEMO, DemoMarket.DEFAULT_SEED).table("spend").rows().size());
		assertThat(count("select count(distinct channel_id) from market_store")).isGreaterThanOrEqualTo(6);
	}

	@Test
	void importingTheGeneratedCsvFilesThroughTheApiChangesNothingAndGivesTheSameMetrics() {
		YearMonth period = YearMonth.of(2026, 10);
		List<CityMetrics> citiesBefore = metrics.cities("east", period);
		List<DealerMetrics> dealersBefore = metrics.dealers("east", period);
		MarketDataset dataset = DemoMarket.generate(DemoMarket.Size.DEMO, DemoMarket.DEFAULT_SEED);
		dataset.writeCsv(dir);

		for (String kind : MarketDataset.IMPORT_ORDER) {
			MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
			form.add("kind", kind);
			form.add("file", new FileSystemResource(dir.resolve(kind + ".csv")));
			HttpHeaders headers = new HttpHeaders();
			headers.setContentType(MediaType.MULTIPART_FORM_DATA);
			String id = rest.withBasicAuth("zhao.director", "demo")
				.postForObject("/api/market/imports", new HttpEntity<>(form, headers), ImportReport.class)
				.id();
			ImportReport report = await().atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(100))
				.until(() -> rest.withBasicAuth("zhao.director", "demo")
					.getForObject("/api/market/imports/" + id, ImportReport.class), ImportReport::finished);

			assertThat(report.status()).as(kind + " " + report.errors()).isEqualTo("SUCCEEDED");
			assertThat(report.inserted() + report.updated()).as(kind).isZero();
			assertThat(report.unchanged()).as(kind).isEqualTo(dataset.table(kind).rows().size());
		}
		assertThat(metrics.cities("east", period)).isEqualTo(citiesBefore);
		assertThat(metrics.dealers("east", period)).isEqualTo(dealersBefore);
	}

	@Test
	void deliberateCasesShowInTheMetrics() {
		YearMonth period = YearMonth.of(2026, 10);
		List<DealerMetrics> dealers = metrics.dealers("east", period);

		DealerMetrics declining = dealers.stream()
			.filter(d -> d.dealerId().equals(DemoMarket.DECLINING_DEALER))
			.findFirst()
			.orElseThrow();
		DealerMetrics overdue = dealers.stream()
			.filter(d -> d.dealerId().equals(DemoMarket.OVERDUE_DEALER))
			.findFirst()
			.orElseThrow();
		assertThat(declining.growth()).isLessThan(new java.math.BigDecimal("-0.20"));
		assertThat(overdue.overdueDays()).isEqualTo(104);
	}

}
