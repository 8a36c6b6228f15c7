package io.regionplan.market.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.regionplan.market.demo.DemoMarket.Size;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoMarketTests {

	private static MarketDataset demo() {
		return DemoMarket.generate(Size.DEMO, DemoMarket.DEFAULT_SEED);
	}

	@Test
	void sameSeedGivesIdenticalBytesAndAnotherSeedDifferentOnes(@TempDir Path dir) throws IOException {
		demo().writeCsv(dir.resolve("first"));
		demo().writeCsv(dir.resolve("second"));
		DemoMarket.generate(Size.DEMO, 7).writeCsv(dir.resolve("other"));

		for (String kind : MarketDataset.IMPORT_ORDER) {
			String file = kind + ".csv";
			assertThat(dir.resolve("second").resolve(file)).as(file)
				.hasSameBinaryContentAs(dir.resolve("first").resolve(file));
		}
		for (String kind : List.of("dealers", "stores", "sales", "competitors", "targets")) {
			String file = kind + ".csv";
			assertThat(Files.readAllBytes(dir.resolve("other").resolve(file))).as(file)
				.isNotEqualTo(Files.readAllBytes(dir.resolve("first").resolve(file)));
		}
	}

	@Test
	void csvIsUtf8WithoutBomWithHeaderAndNewlines(@TempDir Path dir) throws IOException {
		demo().writeCsv(dir);

		byte[] bytes = Files.readAllBytes(dir.resolve("cities.csv"));
		assertThat(bytes[0]).isEqualTo((byte) 'c');
		assertThat(new String(bytes, StandardCharsets.UTF_8))
			.startsWith("city,region,name_zh,name_en,tier,population,market_size,distance_km\n")
			.contains("\nshanghai,east,上海,Shanghai,1,24870000,5200000000,0\n")
			.doesNotContain("\r");
		assertThat(Files.readAllLines(dir.resolve("channels.csv"))).contains("ECOMMERCE,电商/O2O,E-commerce / O2O");
	}

	@Test
	void demoSizeHasTheExpectedRowCounts() {
		MarketDataset dataset = demo();

		assertThat(dataset.tables()).extracting(MarketTable::kind)
			.containsExactlyElementsOf(MarketDataset.IMPORT_ORDER);
		assertThat(dataset.table("regions").rows()).hasSize(2);
		assertThat(dataset.table("channels").rows()).hasSize(6);
		// 24 old markets and the new market Zhenjiang (DemoMarket case g), with its
		// stores
		// after the 6,000: 3,000 east stores × 3.21 m of east's 112.35 m people = 85.7
		assertThat(dataset.table("cities").rows()).hasSize(25);
		assertThat(dataset.table("dealers").rows()).hasSize(300);
		assertThat(dataset.table("stores").rows()).hasSize(6000 + 86);
		assertThat(dataset.table("sales").rows().size()).isGreaterThan(10_000);
		assertThat(dataset.table("headcount").rows()).hasSize(25 * 6);
		assertThat(dataset.table("targets").rows()).hasSize(24 * 2);
		assertThat(dataset.table("price-tiers").rows()).hasSize(3);
		// two hypermarkets in each of the 24 old markets that have two carrying one
		assertThat(dataset.table("spend").rows()).hasSizeBetween(40, 48);
		assertThat(MarketFigures.of(Size.DEMO)
			.records("dealers")
			.stream()
			.collect(Collectors.groupingBy(dealer -> dealer.get("region"), Collectors.counting())))
			.containsOnly(Map.entry("east", 150L), Map.entry("south", 150L));
	}

	@Test
	void springFestivalMonthsPeak() {
		Map<Boolean, Double> average = MarketFigures.of(Size.DEMO)
			.trailingSales("month", 0)
			.entrySet()
			.stream()
			.collect(
					Collectors.partitioningBy(month -> month.getKey().endsWith("-01") || month.getKey().endsWith("-02"),
							Collectors.averagingDouble(Map.Entry::getValue)));

		assertThat(average.get(true) / average.get(false)).isBetween(1.25, 1.6);
	}

	@Test
	void storesLookLikeTheTrade() {
		List<Map<String, String>> stores = MarketFigures.of(Size.DEMO).records("stores");
		Map<String, Long> perChannel = stores.stream()
			.collect(Collectors.groupingBy(store -> store.get("channel"), Collectors.counting()));
		Map<String, Double> averageSales = stores.stream()
			.collect(Collectors.groupingBy(store -> store.get("channel"),
					Collectors.averagingDouble(store -> Double.parseDouble(store.get("category_sales")))));
		long carrying = stores.stream().filter(store -> store.get("carries_product").equals("true")).count();

		assertThat(perChannel.entrySet().stream().max(Map.Entry.comparingByValue())).get()
			.extracting(Map.Entry::getKey)
			.isEqualTo("TRADITIONAL");
		assertThat(perChannel.entrySet().stream().min(Map.Entry.comparingByValue())).get()
			.extracting(Map.Entry::getKey)
			.isEqualTo("KA");
		assertThat(averageSales.get("KA")).isGreaterThan(10 * averageSales.get("CONVENIENCE"));
		assertThat(carrying / (double) stores.size()).isBetween(0.55, 0.75);
	}

	@Test
	void salesAndDealersLookLikeTheTrade() {
		MarketFigures figures = MarketFigures.of(Size.DEMO);
		List<Double> dealerSales = figures.trailingSales("dealer", 0)
			.values()
			.stream()
			.sorted(Comparator.reverseOrder())
			.toList();
		double total = dealerSales.stream().mapToDouble(Double::doubleValue).sum();
		double topTenth = dealerSales.subList(0, dealerSales.size() / 10)
			.stream()
			.mapToDouble(Double::doubleValue)
			.sum();

		assertThat(topTenth / total).as("the top tenth of dealers sells a large part").isGreaterThan(0.35);
		assertThat(figures.records("sales")).allSatisfy(
				sale -> assertThat(Double.parseDouble(sale.get("amount")) / Double.parseDouble(sale.get("volume")))
					.isBetween(55.0, 125.0));
		assertThat(figures.records("headcount")).extracting(row -> Integer.parseInt(row.get("headcount")))
			.allMatch(reps -> reps >= 0 && reps <= 8);
		assertThat(figures.records("cities")).filteredOn(city -> Integer.parseInt(city.get("distance_km")) > 300)
			.extracting(city -> city.get("city"))
			.containsExactlyInAnyOrder("wenzhou", "shantou", "zhanjiang");
	}

	@Test
	void nationalScaleIsTwentyFiveRegionsOfTwelveCities() {
		assertThat(Size.NATIONAL).extracting(Size::regions, Size::citiesPerRegion, Size::cities)
			.containsExactly(25, 12, 300);
		assertThat(Size.ofTotalCities(30, 400, 20_000, 24, Size.DEMO.lastMonth()))
			.extracting(Size::regions, Size::citiesPerRegion)
			.containsExactly(2, 15);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Size.ofTotalCities(20, 300, 100, 24, Size.DEMO.lastMonth()));
		assertThatIllegalArgumentException().isThrownBy(() -> new Size(12, 20, 100, 24, Size.DEMO.lastMonth()));
	}

}
