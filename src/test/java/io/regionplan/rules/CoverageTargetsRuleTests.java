package io.regionplan.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.regionplan.rules.fact.CoverageChannel;
import io.regionplan.rules.fact.CoverageCity;
import io.regionplan.rules.fact.CoverageTarget;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hand-computed from DOMAIN.md ("Default policies, second set", Coverage targets) and
 * rules/coverage-targets/parameters.properties: ND points over today per channel by the
 * city's strategy, 大本营 +5 in KA, supermarket and convenience up to 90%; 突破 +10 in the two
 * channels with the most unserved category sales; 三点攻一点 +8 in every channel; 采蘑菇 +3 in
 * traditional and convenience, the fewest stores to win first; 稳固 holds; 新市场 +3 in KA and
 * supermarket. WTD target = WTD today + the ND points added × 0.8; target stores = ⌈ND
 * target × stores⌉ counted from today's carrying stores.
 */
class CoverageTargetsRuleTests {

	static CompiledRuleSet rules;

	@BeforeAll
	static void compile() {
		rules = RuleSets.compile("coverage-targets");
	}

	/**
	 * A channel of "city": stores, carrying, WTD today and unserved category sales; ND is
	 * carrying ÷ stores to six decimals, as the market metrics give it.
	 */
	private static CoverageChannel channel(String city, String channel, long stores, long carrying, String wtd,
			String unserved) {
		return new CoverageChannel(city, channel, NAMES.get(channel), stores, carrying,
				BigDecimal.valueOf(carrying).divide(BigDecimal.valueOf(stores), 6, java.math.RoundingMode.HALF_UP),
				wtd == null ? null : new BigDecimal(wtd), new BigDecimal(unserved));
	}

	static final Map<String, String> NAMES = Map.of("KA", "大卖场", "SUPERMARKET", "超市", "CONVENIENCE", "便利店",
			"TRADITIONAL", "传统渠道", "CATERING", "餐饮", "ECOMMERCE", "电商");

	private static CoverageCity city(String id, String strategy, String... baseCamps) {
		return new CoverageCity(id, id, strategy, Arrays.asList(baseCamps));
	}

	/** The targets of a run, "city/channel" → target. */
	private static Map<String, CoverageTarget> targets(Object... facts) {
		RuleRun run = RuleSets.run(rules, new ArrayList<>(Arrays.asList(facts)));
		return run.factsOf(CoverageTarget.class)
			.stream()
			.collect(Collectors.toMap(CoverageTarget::subjectId, Function.identity()));
	}

	private static void assertTarget(CoverageTarget target, String ndTarget, String wtdTarget, long targetStores,
			int order) {
		assertThat(target.ndTarget()).as("ND target of %s", target.subjectId()).isEqualByComparingTo(ndTarget);
		if (wtdTarget == null) {
			assertThat(target.wtdTarget()).as("WTD target of %s", target.subjectId()).isNull();
		}
		else {
			assertThat(target.wtdTarget()).as("WTD target of %s", target.subjectId()).isEqualByComparingTo(wtdTarget);
		}
		assertThat(target.targetStores()).as("target stores of %s", target.subjectId()).isEqualTo(targetStores);
		assertThat(target.order()).as("order of %s", target.subjectId()).isEqualTo(order);
	}

	/**
	 * 大本营: KA 62 of 100 → +5 = 67%, 67 stores, WTD 70% + 5 × 0.8 = 74%; supermarket 87% →
	 * +5 would be 92%: capped at 90%, ⌈0.90 × 200⌉ = 180 stores, WTD 80% + 3 × 0.8 =
	 * 82.4%; convenience 92% is over the cap: holds at 92%, 46 stores, WTD 85%;
	 * traditional is not deepened: holds at 40%, 120 stores.
	 */
	@Test
	void baseCampDeepensKaSupermarketAndConvenienceUpToTheCap() {
		Map<String, CoverageTarget> targets = targets(city("hz", "BASE_CAMP"),
				channel("hz", "KA", 100, 62, "0.70", "1000"), channel("hz", "SUPERMARKET", 200, 174, "0.80", "1000"),
				channel("hz", "CONVENIENCE", 50, 46, "0.85", "1000"),
				channel("hz", "TRADITIONAL", 300, 120, "0.50", "1000"));

		assertThat(targets).hasSize(4);
		assertTarget(targets.get("hz/KA"), "0.67", "0.74", 67, 0);
		assertTarget(targets.get("hz/SUPERMARKET"), "0.90", "0.824", 180, 0);
		assertTarget(targets.get("hz/CONVENIENCE"), "0.92", "0.85", 46, 0);
		assertTarget(targets.get("hz/TRADITIONAL"), "0.40", "0.50", 120, 0);
		assertThat(targets.get("hz/KA").reasonZh())
			.isEqualTo("大本营：深耕大卖场，ND +5 个点，上限 90%；ND 62% → 67%，WTD 70% → 74%（+5 × 0.8），目标门店 67/100 家（向上取整）");
		assertThat(targets.get("hz/KA").reasonEn()).isEqualTo("base camp: deepen KA, ND +5 points, at most 90%; "
				+ "ND 62% → 67%, WTD 70% → 74% (+5 × 0.8), target stores 67 of 100 (rounded up)");
		assertThat(targets.get("hz/SUPERMARKET").reasonZh()).contains("ND 87% → 90%，WTD 80% → 82.4%（+3 × 0.8）");
		assertThat(targets.get("hz/TRADITIONAL").reasonEn())
			.startsWith("base camp deepens KA,SUPERMARKET,CONVENIENCE only: TRADITIONAL holds; ND 40% → 40%");
	}

	/**
	 * The cap at its edge: 89 of 100 carrying gets one point (90 stores, WTD + 0.8
	 * point); 90 of 100 is at the cap and holds; 91 holds too.
	 */
	@ParameterizedTest(name = "{0} of 100 carrying -> ND {1}, {2} stores")
	@CsvSource({ "89, 0.90, 90, 0.508", "90, 0.90, 90, 0.50", "91, 0.91, 91, 0.50", "85, 0.90, 90, 0.54" })
	void baseCampStopsAtTheCap(long carrying, String ndTarget, long stores, String wtdTarget) {
		CoverageTarget target = targets(city("hz", "BASE_CAMP"), channel("hz", "KA", 100, carrying, "0.50", "0"))
			.get("hz/KA");

		assertTarget(target, ndTarget, wtdTarget, stores, 0);
	}

	/**
	 * Target stores are rounded up from today's carrying stores: 19 of 30 + 5 points × 30
	 * = 20.5 → 21 stores (ND target 63.3333% + 5 = 68.3333%); 20 of 40 + 2 = 22 exactly.
	 */
	@Test
	void targetStoresAreRoundedUpToAWholeStore() {
		Map<String, CoverageTarget> targets = targets(city("hz", "BASE_CAMP"), channel("hz", "KA", 30, 19, "0.60", "0"),
				channel("hz", "SUPERMARKET", 40, 20, "0.60", "0"));

		assertTarget(targets.get("hz/KA"), "0.683333", "0.64", 21, 0);
		assertTarget(targets.get("hz/SUPERMARKET"), "0.55", "0.64", 22, 0);
	}

	/**
	 * 突破: unserved sales KA 8,000,000, supermarket 5,000,000, traditional 5,000,000,
	 * convenience 1,000,000. KA first; supermarket and traditional tie for second, and
	 * with every channel listed ({@code *}) the tie goes by channel id: SUPERMARKET
	 * before TRADITIONAL. KA 40 of 100 → 50%, 50 stores, WTD 45% + 10 × 0.8 = 53%;
	 * supermarket 30 of 60 → 60%, 36 stores; traditional and convenience hold.
	 */
	@Test
	void breakthroughConcentratesOnTheTwoChannelsWithTheMostUnservedSales() {
		Map<String, CoverageTarget> targets = targets(city("wz", "BREAKTHROUGH"),
				channel("wz", "KA", 100, 40, "0.45", "8000000"),
				channel("wz", "SUPERMARKET", 60, 30, "0.55", "5000000"),
				channel("wz", "TRADITIONAL", 500, 150, "0.35", "5000000"),
				channel("wz", "CONVENIENCE", 80, 20, "0.30", "1000000"));

		assertTarget(targets.get("wz/KA"), "0.50", "0.53", 50, 1);
		assertTarget(targets.get("wz/SUPERMARKET"), "0.60", "0.63", 36, 2);
		assertTarget(targets.get("wz/TRADITIONAL"), "0.30", "0.35", 150, 0);
		assertTarget(targets.get("wz/CONVENIENCE"), "0.25", "0.30", 20, 0);
		assertThat(targets.get("wz/KA").reasonZh())
			.startsWith("突破：未铺货门店品类销售 800.0 万元，第 1 位（集中在前 2 个渠道：大卖场、超市），ND +10 个点；");
		assertThat(targets.get("wz/TRADITIONAL").reasonEn()).startsWith(
				"breakthrough concentrates on the 2 channels with the most unserved sales (KA, SUPERMARKET): TRADITIONAL holds;");
	}

	/** Equal unserved sales go to the channel listed first, then by channel id. */
	@Test
	void anUnservedSalesTieGoesToTheChannelListedFirst() {
		List<CoverageChannel> tied = List.of(channel("wz", "SUPERMARKET", 10, 1, "0.1", "500"),
				channel("wz", "TRADITIONAL", 10, 1, "0.1", "500"), channel("wz", "KA", 10, 1, "0.1", "100"));

		assertThat(tied.get(1).unservedRank(tied, "TRADITIONAL,SUPERMARKET")).isEqualTo(1);
		assertThat(tied.get(0).unservedRank(tied, "TRADITIONAL,SUPERMARKET")).isEqualTo(2);
		assertThat(tied.get(0).unservedRank(tied, "*")).isEqualTo(1);
		assertThat(tied.get(2).unservedRank(tied, "*")).isEqualTo(3);
		assertThat(tied.get(2).unservedRank(tied.subList(0, 2), "*")).as("not a candidate").isZero();
	}

	/**
	 * 三点攻一点: +8 in every channel; the reason names the adjacent base camps that support
	 * it. KA 20 of 50 → 48%, 24 stores; e-commerce 10 of 100 → 18%, 18 stores.
	 */
	@Test
	void threePointsAttackOneRisesEightPointsFromTheAdjacentBaseCamps() {
		Map<String, CoverageTarget> targets = targets(city("nt", "THREE_POINTS_ATTACK_ONE", "苏州", "无锡"),
				channel("nt", "KA", 50, 20, "0.50", "0"), channel("nt", "ECOMMERCE", 100, 10, null, "0"));

		assertTarget(targets.get("nt/KA"), "0.48", "0.564", 24, 0);
		assertTarget(targets.get("nt/ECOMMERCE"), "0.18", null, 18, 0);
		assertThat(targets.get("nt/KA").reasonZh()).startsWith("三点攻一点：由相邻大本营（苏州、无锡）支援，ND +8 个点；");
		assertThat(targets.get("nt/KA").reasonEn())
			.startsWith("three points attack one: supported by the adjacent base camps (苏州, 无锡), ND +8 points;");
		assertThat(targets.get("nt/ECOMMERCE").reasonZh()).contains("WTD — → —");
	}

	/**
	 * 采蘑菇: traditional 100 of 400 needs ⌈3% × 400⌉ = 12 more stores, convenience 30 of
	 * 100 needs 3: convenience first, then traditional; KA holds.
	 */
	@Test
	void mushroomPickingGoesEasyBeforeHard() {
		Map<String, CoverageTarget> targets = targets(city("hu", "MUSHROOM_PICKING"),
				channel("hu", "TRADITIONAL", 400, 100, "0.30", "0"), channel("hu", "CONVENIENCE", 100, 30, "0.40", "0"),
				channel("hu", "KA", 10, 5, "0.60", "0"));

		assertTarget(targets.get("hu/CONVENIENCE"), "0.33", "0.424", 33, 1);
		assertTarget(targets.get("hu/TRADITIONAL"), "0.28", "0.324", 112, 2);
		assertTarget(targets.get("hu/KA"), "0.50", "0.60", 5, 0);
		assertThat(targets.get("hu/TRADITIONAL").reasonZh())
			.startsWith("采蘑菇：先易后难，第 2 个（便利店 新增 3 家 → 传统渠道 新增 12 家），ND +3 个点；");
		assertThat(targets.get("hu/CONVENIENCE").reasonEn()).startsWith(
				"mushroom picking: easy before hard, number 1 (CONVENIENCE 3 more stores → TRADITIONAL 12 more stores), ND +3 points;");
	}

	/**
	 * Equal stores to win (3 each of 100) go in the order of mushroom.channels:
	 * TRADITIONAL, CONVENIENCE.
	 */
	@Test
	void mushroomPickingTiesGoInTheOrderOfTheParameter() {
		Map<String, CoverageTarget> targets = targets(city("hu", "MUSHROOM_PICKING"),
				channel("hu", "CONVENIENCE", 100, 30, "0.40", "0"), channel("hu", "TRADITIONAL", 100, 30, "0.40", "0"));

		assertThat(targets.get("hu/TRADITIONAL").order()).isEqualTo(1);
		assertThat(targets.get("hu/CONVENIENCE").order()).isEqualTo(2);
	}

	/**
	 * 稳固 holds every channel; a new market enters KA and supermarket +3; a strategy
	 * without coverage rules holds.
	 */
	@Test
	void maintainHoldsNewMarketsEnterModernTradeAndAnUnknownStrategyHolds() {
		Map<String, CoverageTarget> targets = targets(city("sx", "MAINTAIN"), city("ls", "NEW_MARKET"),
				city("zs", "BORDERLINE"), channel("sx", "KA", 100, 62, "0.70", "0"),
				channel("ls", "KA", 10, 0, "0", "0"), channel("ls", "TRADITIONAL", 200, 0, "0", "0"),
				channel("zs", "KA", 20, 5, "0.30", "0"));

		assertTarget(targets.get("sx/KA"), "0.62", "0.70", 62, 0);
		assertThat(targets.get("sx/KA").reasonZh()).startsWith("稳固：守住现有铺货；ND 62% → 62%");
		// ⌈0 + 3% × 10⌉ = ⌈0.3⌉ = 1 store
		assertTarget(targets.get("ls/KA"), "0.03", "0.024", 1, 0);
		assertTarget(targets.get("ls/TRADITIONAL"), "0", "0", 0, 0);
		assertTarget(targets.get("zs/KA"), "0.25", "0.30", 5, 0);
		assertThat(targets.get("zs/KA").reasonEn()).startsWith("strategy BORDERLINE has no coverage rule: hold;");
	}

	/** WTD stops at 100%: 98% + 5 × 0.8 = 102% → 100%. */
	@Test
	void wtdTargetStopsAtAHundredPercent() {
		CoverageTarget target = targets(city("hz", "BASE_CAMP"), channel("hz", "KA", 100, 50, "0.98", "0"))
			.get("hz/KA");

		assertTarget(target, "0.55", "1", 55, 0);
	}

	@Test
	void aChannelOfACityWithoutAStrategyGetsNoTarget() {
		assertThat(targets(channel("hz", "KA", 100, 50, "0.5", "0"))).isEmpty();
	}

}
