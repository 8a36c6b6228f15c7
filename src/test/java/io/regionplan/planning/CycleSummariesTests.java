package io.regionplan.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.regionplan.planning.CycleSummaries.StrategyLine;
import io.regionplan.planning.CycleSummaries.TierLine;

import org.junit.jupiter.api.Test;

/**
 * The summaries the forms show, from lines as a rule run gives them or as the cycle holds
 * them after an override.
 */
class CycleSummariesTests {

	@Test
	void strategiesAreListedByStrategyThenOneLinePerCityInIdOrder() {
		String summary = CycleSummaries.strategies(List.of(
				new StrategyLine("wenzhou", "温州", "BREAKTHROUGH", true, "人工调整，理由：新渠道 / ",
						"overridden, reason: new channel"),
				new StrategyLine("shanghai", "上海", "BASE_CAMP", false, "大本营", "base camp"),
				new StrategyLine("suzhou", "苏州", "BASE_CAMP", false, "大本营", "base camp")));

		assertThat(summary).isEqualTo("""
				BASE_CAMP: 上海、苏州; BREAKTHROUGH: 温州
				shanghai 上海 — 大本营 / base camp
				suzhou 苏州 — 大本营 / base camp
				wenzhou 温州 — 人工调整，理由：新渠道 /  / overridden, reason: new channel（射程降一级 / one level lower by range）""");
	}

	@Test
	void aReasonOverSeveralLinesStaysOnTheLineOfItsDealer() {
		List<TierLine> lines = List.of(new TierLine("D-1", "C", false, "人工调整，理由：已签\nD-9 → A — 人工调整，理由：x",
				"overridden, reason: signed\r\n  D-9 → A"));

		assertThat(CycleSummaries.tiers(lines)).isEqualTo("""
				A 0 · B 0 · C 1 · D 0（带标记 / flagged 0）
				人工调整 / overridden:
				D-1 → C — 人工调整，理由：已签 D-9 → A — 人工调整，理由：x / overridden, reason: signed D-9 → A""");
	}

	@Test
	void tiersAreCountedWithEveryDAndEveryOverrideAndItsReason() {
		List<TierLine> lines = List.of(new TierLine("D-2", "D", true, "D：逾期 104 天", "D: overdue 104 days"),
				new TierLine("D-1", "A", false, "A：前 20%", "A: top 20%"),
				new TierLine("D-3", "C", true, "人工调整，理由：已签还款计划", "overridden, reason: repayment plan signed"),
				new TierLine("D-4", "D", false, "人工调整，理由：停止合作", "overridden, reason: contract ended"));

		// A 1, B 0, C 1, D 2; flagged D-2 and D-3
		assertThat(CycleSummaries.tierCounts(lines)).isEqualTo(Map.of("A", 1, "B", 0, "C", 1, "D", 2));
		assertThat(CycleSummaries.tiers(lines)).isEqualTo("""
				A 1 · B 0 · C 1 · D 2（带标记 / flagged 2）
				D-2 — D：逾期 104 天 / D: overdue 104 days
				人工调整 / overridden:
				D-3 → C — 人工调整，理由：已签还款计划 / overridden, reason: repayment plan signed
				D-4 → D — 人工调整，理由：停止合作 / overridden, reason: contract ended""");
	}

	@Test
	void noOverridesNoOverrideSection() {
		assertThat(CycleSummaries.tiers(List.of(new TierLine("D-1", "B", false, "B", "B"))))
			.isEqualTo("A 0 · B 1 · C 0 · D 0（带标记 / flagged 0）");
	}

	/**
	 * Against the last cycle, by hand: D-1 B → A is up, D-2 B → C down, D-3 stays, D-4 is
	 * new, D-5 is gone; lines by name, ups first.
	 */
	@Test
	void tierMovesAgainstTheLastCycleCountAndNameEachMove() {
		Map<String, String> before = Map.of("D-1", "B", "D-2", "B", "D-3", "C", "D-5", "D");
		Map<String, String> now = Map.of("D-1", "A", "D-2", "C", "D-3", "C", "D-4", "B");
		Map<String, String> names = Map.of("D-1", "甲商贸", "D-2", "乙商贸", "D-5", "戊商贸");

		assertThat(CycleSummaries.tierMoves(before, now, names))
			.isEqualTo("升级 / up 1 · 降级 / down 1 · 新 / new 1 · 已不在 / gone 1\n甲商贸（D-1）B → A\n乙商贸（D-2）B → C\n"
					+ "D-4（D-4）新 / new → B\n戊商贸（D-5）D → 已不在 / gone");
		assertThat(CycleSummaries.tierMoves(before, before, names))
			.isEqualTo("升级 / up 0 · 降级 / down 0 · 新 / new 0 · " + "已不在 / gone 0");
	}

	@Test
	void tierMovesNameAtMostFortyDealersAndCountTheRest() {
		Map<String, String> now = new java.util.TreeMap<>();
		for (int i = 100; i < 150; i++) {
			now.put("D-" + i, "A");
		}

		String moves = CycleSummaries.tierMoves(Map.of(), now, Map.of());

		assertThat(moves.lines()).hasSize(1 + 40 + 1)
			.startsWith("升级 / up 0 · 降级 / down 0 · 新 / new 50 · 已不在 / gone 0", "D-100（D-100）新 / new → A")
			.endsWith("D-139（D-139）新 / new → A", "…… 另有 10 家 / 10 more");
		assertThat(moves.length()).isLessThan(4000);
	}

}
