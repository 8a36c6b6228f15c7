package io.regionplan.market;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * Paged, filtered reads of a region's cities, dealers and stores for the API and the
 * forms.
 */
@Component
class MarketQueries {

	private final JdbcTemplate jdbc;

	MarketQueries(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Column labels as written in the query: H2 upper-cases them, PostgreSQL lower-cases
	 * them.
	 */
	private static final RowMapper<Map<String, Object>> LOWER_CASE_COLUMNS = (rs, n) -> {
		Map<String, Object> row = new LinkedHashMap<>();
		for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
			row.put(rs.getMetaData().getColumnLabel(i).toLowerCase(Locale.ROOT), rs.getObject(i));
		}
		return row;
	};

	List<Map<String, Object>> regions() {
		return jdbc.query("select id as region, name_zh, name_en from market_region order by id", LOWER_CASE_COLUMNS);
	}

	PageOf<Map<String, Object>> cities(String region, Integer tier, int page, int size) {
		Filter filter = new Filter("region_id = ?", region);
		filter.add("tier = ?", tier);
		return page(
				"select id as city, region_id as region, name_zh, name_en, tier, population, market_size, distance_km "
						+ "from market_city",
				"market_city", filter, "id", page, size);
	}

	PageOf<Map<String, Object>> dealers(String region, String city, String name, int page, int size) {
		Filter filter = new Filter("region_id = ?", region);
		filter.add("id in (select dealer_id from market_dealer_coverage where city_id = ?)", city);
		filter.add("lower(name) like ?", name == null ? null : "%" + name.toLowerCase(Locale.ROOT) + "%");
		return page(
				"select id as dealer, region_id as region, name, receivables, overdue_days, cross_region_incidents, "
						+ "compliance_score, target_stores from market_dealer",
				"market_dealer", filter, "id", page, size);
	}

	PageOf<Map<String, Object>> stores(String region, String city, String channel, String dealer, Boolean carries,
			int page, int size) {
		Filter filter = new Filter("city_id in (select id from market_city where region_id = ?)", region);
		filter.add("city_id = ?", city);
		filter.add("channel_id = ?", channel);
		filter.add("dealer_id = ?", dealer);
		filter.add("carries_product = ?", carries);
		return page("select id as store, city_id as city, channel_id as channel, dealer_id as dealer, carries_product, "
				+ "category_sales from market_store", "market_store", filter, "id", page, size);
	}

	private PageOf<Map<String, Object>> page(String select, String table, Filter filter, String order, int page,
			int size) {
		Long total = jdbc.queryForObject("select count(*) from " + table + filter.where(), Long.class,
				filter.args.toArray());
		List<Object> args = new ArrayList<>(filter.args);
		args.add(size);
		args.add((long) page * size);
		List<Map<String, Object>> rows = jdbc.query(
				select + filter.where() + " order by " + order + " limit ? offset ?", LOWER_CASE_COLUMNS,
				args.toArray());
		return PageOf.of(rows, page, size, total == null ? 0 : total);
	}

	/** A where clause built from the filters that were given. */
	private static final class Filter {

		final List<String> conditions = new ArrayList<>();

		final List<Object> args = new ArrayList<>();

		Filter(String condition, Object arg) {
			add(condition, arg);
		}

		void add(String condition, Object arg) {
			if (arg != null) {
				conditions.add(condition);
				args.add(arg);
			}
		}

		String where() {
			return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
		}

	}

}
