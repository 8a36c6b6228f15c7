package io.regionplan.market.imports;

import static io.regionplan.market.imports.ImportKind.Column.bigint;
import static io.regionplan.market.imports.ImportKind.Column.decimal;
import static io.regionplan.market.imports.ImportKind.Column.id;
import static io.regionplan.market.imports.ImportKind.Column.integer;
import static io.regionplan.market.imports.ImportKind.Column.of;
import static io.regionplan.market.imports.ImportKind.Column.optionalRef;
import static io.regionplan.market.imports.ImportKind.Column.ref;
import static io.regionplan.market.imports.ImportKind.Column.text;
import static io.regionplan.market.imports.RowCheck.differentFrom;
import static io.regionplan.market.imports.RowCheck.notBelow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every kind of market data, in import order, with the rules across the cells of a row.
 * This table and docs/data-formats.md describe the same formats; a test keeps them in
 * step.
 */
final class ImportKinds {

	static final Map<String, ImportKind> ALL = new LinkedHashMap<>();

	static {
		add(new ImportKind("regions", "区域", "market_region",
				List.of(id("region", "区域", "id"), text("name_zh", "中文名", "name_zh"), text("name_en", "英文名", "name_en")),
				List.of("region"), "region"));
		add(new ImportKind(
				"channels", "渠道", "market_channel", List.of(id("channel", "渠道", "id"),
						text("name_zh", "中文名", "name_zh"), text("name_en", "英文名", "name_en")),
				List.of("channel"), null));
		add(new ImportKind("cities", "城市", "market_city",
				List.of(id("city", "城市", "id"), ref("region", "区域", "region_id", "regions"),
						text("name_zh", "中文名", "name_zh"), text("name_en", "英文名", "name_en"),
						integer("tier", "城市级别", "tier", 1, 5L), bigint("population", "人口", "population", 0),
						decimal("market_size", "品类市场容量", "market_size", "0", null, 19, 2),
						decimal("distance_km", "距离公里", "distance_km", "0", null, 10, 1)),
				List.of("city"), "region"));
		add(new ImportKind("adjacency", "相邻城市", "market_city_adjacency",
				List.of(ref("city", "城市", "city_id", "cities"), ref("neighbour", "相邻城市", "neighbour_id", "cities")),
				List.of("city", "neighbour"), "city",
				List.of(differentFrom("neighbour", "city", "城市不能与自己相邻 / a city cannot border itself"))));
		add(new ImportKind("dealers", "经销商", "market_dealer",
				List.of(id("dealer", "经销商", "id"), ref("region", "区域", "region_id", "regions"),
						text("name", "名称", "name"), decimal("receivables", "应收账款", "receivables", "0", null, 19, 2),
						integer("overdue_days", "逾期天数", "overdue_days", 0, 3650L),
						integer("cross_region_incidents", "窜货次数", "cross_region_incidents", 0, 1000L),
						decimal("compliance_score", "合规评分", "compliance_score", "0", "100", 5, 2),
						integer("target_stores", "目标门店数", "target_stores", 0, null)),
				List.of("dealer"), "region"));
		add(new ImportKind("dealer-coverage", "经销商覆盖", "market_dealer_coverage",
				List.of(ref("dealer", "经销商", "dealer_id", "dealers"), ref("city", "城市", "city_id", "cities"),
						ref("channel", "渠道", "channel_id", "channels")),
				List.of("dealer", "city", "channel"), "dealer"));
		add(new ImportKind("stores", "门店", "market_store",
				List.of(id("store", "门店", "id"), ref("city", "城市", "city_id", "cities"),
						ref("channel", "渠道", "channel_id", "channels"),
						optionalRef("dealer", "经销商", "dealer_id", "dealers"),
						of("carries_product", "是否铺货", "carries_product", ValueType.BOOLEAN),
						decimal("category_sales", "品类销售额", "category_sales", "0", null, 19, 2),
						text("name", "门店名称", "name").optional()),
				List.of("store"), "city"));
		add(new ImportKind("sales", "月度销售", "market_sales", List.of(ref("dealer", "经销商", "dealer_id", "dealers"),
				ref("city", "城市", "city_id", "cities"), ref("channel", "渠道", "channel_id", "channels"),
				of("month", "月份", "sales_month", ValueType.MONTH), decimal("amount", "金额", "amount", "0", null, 19, 2),
				decimal("volume", "销量", "volume", "0", null, 19, 2)), List.of("dealer", "city", "channel", "month"),
				"dealer"));
		add(new ImportKind("competitors", "竞争对手", "market_competitor",
				List.of(ref("city", "城市", "city_id", "cities"), text("competitor", "竞争对手", "competitor"),
						decimal("share", "市场份额", "share", "0", "1", 6, 4),
						decimal("price_index", "价格指数", "price_index", "0", null, 8, 4)),
				List.of("city", "competitor"), "city"));
		add(new ImportKind("price-tiers", "价格带", "market_price_tier",
				List.of(id("price_tier", "价格带", "id"), text("name_zh", "中文名", "name_zh"),
						text("name_en", "英文名", "name_en"), decimal("min_price", "最低价", "min_price", "0", null, 19, 2),
						decimal("max_price", "最高价", "max_price", "0", null, 19, 2)),
				List.of("price_tier"), null,
				List.of(notBelow("max_price", "min_price", "最高价低于最低价 / max_price is below min_price"))));
		add(new ImportKind("headcount", "销售人员", "market_headcount", List.of(ref("city", "城市", "city_id", "cities"),
				ref("channel", "渠道", "channel_id", "channels"), integer("headcount", "人数", "headcount", 0, 10000L)),
				List.of("city", "channel"), "city"));
		add(new ImportKind("targets", "总部目标", "market_target",
				List.of(ref("city", "城市", "city_id", "cities"), of("period", "期间", "target_period", ValueType.PERIOD),
						decimal("volume", "目标销量", "volume", "0", null, 19, 2)),
				List.of("city", "period"), "city"));
		add(new ImportKind("spend", "实际费用", "market_spend",
				List.of(id("spend", "费用", "id"), of("month", "月份", "spend_month", ValueType.MONTH),
						ref("city", "城市", "city_id", "cities"), optionalRef("dealer", "经销商", "dealer_id", "dealers"),
						optionalRef("store", "门店", "store_id", "stores"),
						decimal("amount", "金额", "amount", "0", null, 19, 2),
						decimal("incremental_profit", "增量毛利", "incremental_profit", "0", null, 19, 2).optional()),
				List.of("spend"), "city"));
	}

	private ImportKinds() {
	}

	private static void add(ImportKind kind) {
		ALL.put(kind.name(), kind);
	}

	/**
	 * The English noun for one row of a kind whose ids are referenced: "unknown city".
	 */
	static String noun(String kind) {
		return switch (kind) {
			case "cities" -> "city";
			case "regions" -> "region";
			case "dealers" -> "dealer";
			case "channels" -> "channel";
			case "stores" -> "store";
			default -> kind;
		};
	}

	static Optional<ImportKind> find(String name) {
		return Optional.ofNullable(name == null ? null : ALL.get(name.strip()));
	}

}
