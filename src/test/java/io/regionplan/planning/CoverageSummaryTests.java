package io.regionplan.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.regionplan.rules.fact.CoverageCity;
import io.regionplan.rules.fact.CoverageTarget;

import org.junit.jupiter.api.Test;

/**
 * The team review's summary of the coverage targets stays within what a string variable
 * holds.
 */
class CoverageSummaryTests {

	private static CoverageTarget target(String city, String channel) {
		return new CoverageTarget(city, channel, "BASE_CAMP", 100, 60, new BigDecimal("0.6"), new BigDecimal("0.65"),
				new BigDecimal("0.7"), new BigDecimal("0.74"), 65, 0, "-", "-");
	}

	/**
	 * 100 cities of 3 rising channels each: 401 lines of about 60 characters do not fit;
	 * the summary keeps the first lines that do and says how many are left out.
	 */
	@Test
	void aSummaryTooLongForAVariableSaysHowManyLinesAreLeftOut() {
		List<CoverageCity> cities = new ArrayList<>();
		List<CoverageTarget> targets = new ArrayList<>();
		for (int i = 100; i < 200; i++) {
			cities.add(new CoverageCity("c" + i, "城市" + i, "BASE_CAMP", List.of()));
			for (String channel : List.of("KA", "SUPERMARKET", "CONVENIENCE")) {
				targets.add(target("c" + i, channel));
			}
		}

		String summary = CoverageSummary.text(cities, targets, Map.of("KA", "大卖场"));

		assertThat(summary).hasSizeLessThanOrEqualTo(CoverageSummary.MAX_LENGTH)
			.startsWith("目标门店 / target stores 19,500，今天 / today 18,000（+1,500）\n城市100 大本营 / BASE_CAMP\n"
					+ "城市100 CONVENIENCE ND 60% → 65% · WTD 70% → 74% · 门店 60 → 65 / 100\n" + "城市100 大卖场 ND 60% → 65%");
		String last = summary.lines().reduce((first, second) -> second).orElseThrow();
		int shown = (int) summary.lines().count() - 1;
		assertThat(last)
			.isEqualTo("…余下 " + (401 - shown) + " 行见决策记录 / " + (401 - shown) + " more lines in the decision");
	}

}
