package io.regionplan.market.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The rules across the cells of a row, as {@link ImportKinds} declares them.
 */
class RowCheckTests {

	@Test
	void aPriceTierWhoseMaxIsBelowItsMinIsRefused() {
		assertThat(broken("price-tiers",
				Map.of("price_tier", "P1", "name_zh", "低", "name_en", "Low", "min_price", new BigDecimal("10"),
						"max_price", new BigDecimal("9.99"))))
			.containsExactly("最高价低于最低价 / max_price is below min_price");
	}

	@Test
	void aPriceTierMayHaveOnePrice() {
		assertThat(broken("price-tiers", Map.of("price_tier", "P1", "name_zh", "低", "name_en", "Low", "min_price",
				new BigDecimal("10"), "max_price", new BigDecimal("10.00"))))
			.isEmpty();
	}

	@Test
	void aCityCannotBorderItself() {
		assertThat(broken("adjacency", Map.of("city", "t1-a", "neighbour", "t1-a")))
			.containsExactly("城市不能与自己相邻 / a city cannot border itself");
		assertThat(broken("adjacency", Map.of("city", "t1-a", "neighbour", "t1-b"))).isEmpty();
	}

	@Test
	void kindsWithoutRulesAcrossCellsKeepEveryRow() {
		assertThat(ImportKinds.ALL.values().stream().filter(kind -> !kind.rowChecks().isEmpty()).map(ImportKind::name))
			.containsExactlyInAnyOrder("adjacency", "price-tiers");
	}

	/** The reasons of the rules a row breaks; the row given by column name. */
	private static List<String> broken(String kindName, Map<String, Object> cells) {
		ImportKind kind = ImportKinds.ALL.get(kindName);
		Object[] row = kind.columns().stream().map(column -> cells.get(column.name())).toArray();
		return kind.rowChecks().stream().filter(check -> !check.holds(kind, row)).map(RowCheck::reason).toList();
	}

}
