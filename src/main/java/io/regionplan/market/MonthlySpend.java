package io.regionplan.market;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Spending entered in the monthly report, one amount per city: kept as {@code spend} rows
 * ({@code MR-<region>-<month>-<city>}), so a corrected report replaces its own rows.
 */
@Service
public class MonthlySpend {

	private final JdbcTemplate jdbc;

	MonthlySpend(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Parses {@code city | amount} lines; a wrong line or a city outside the region is an
	 * {@link IllegalArgumentException} naming the line.
	 */
	public Map<String, BigDecimal> parse(String region, String lines) {
		Set<String> cities = Set
			.copyOf(jdbc.queryForList("select id from market_city where region_id = ?", String.class, region));
		Map<String, BigDecimal> spend = new LinkedHashMap<>();
		String[] rows = lines == null ? new String[0] : lines.split("\\R");
		for (int i = 0; i < rows.length; i++) {
			String row = rows[i].strip();
			if (row.isEmpty()) {
				continue;
			}
			String[] parts = row.split("[|｜]");
			BigDecimal amount = parts.length == 2 ? amount(parts[1]) : null;
			if (amount == null || !cities.contains(parts[0].strip())) {
				throw new IllegalArgumentException("第 " + (i + 1) + " 行须为「本区域城市 | 金额」/ line " + (i + 1)
						+ " must be 'city of this region | amount', got: " + row);
			}
			spend.merge(parts[0].strip(), amount, BigDecimal::add);
		}
		return spend;
	}

	private static BigDecimal amount(String text) {
		try {
			BigDecimal amount = new BigDecimal(text.strip());
			return amount.signum() < 0 || amount.scale() > 2 ? null : amount;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	public void record(String region, YearMonth month, Map<String, BigDecimal> spend) {
		String prefix = "MR-" + region + "-" + month + "-";
		jdbc.update("delete from market_spend where id like ?", prefix + "%");
		List<Object[]> rows = spend.entrySet()
			.stream()
			.map(e -> new Object[] { prefix + e.getKey(), month.toString(), e.getKey(), e.getValue() })
			.toList();
		jdbc.batchUpdate("insert into market_spend (id, spend_month, city_id, amount) values (?, ?, ?, ?)", rows);
	}

}
