package io.regionplan.decision;

import static io.regionplan.decision.Runs.dealer;
import static io.regionplan.decision.Runs.firing;
import static io.regionplan.decision.Runs.flag;
import static io.regionplan.decision.Runs.run;
import static io.regionplan.decision.Runs.tier;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.regionplan.rules.fact.City;
import io.regionplan.rules.fact.Dealer;
import io.regionplan.rules.fact.RegionMedians;

import org.junit.jupiter.api.Test;

/** How one rule run is split into the subjects a decision records. */
class SubjectRowTests {

	private static final Dealer D1 = dealer("d-01", "苏州恒达");

	private static final Dealer D2 = dealer("d-02", "无锡顺发");

	private static final RegionMedians MEDIANS = new RegionMedians("east", new BigDecimal("0.1"), BigDecimal.TEN);

	@Test
	void subjectsAreTheSubjectInputsInInputOrder() {
		List<SubjectRow> rows = SubjectRow.rows(run(List.of(D2, MEDIANS, D1)));

		assertThat(rows).extracting(row -> row.type + "/" + row.id).containsExactly("dealer/d-02", "dealer/d-01");
		assertThat(rows.get(0).inputs).containsExactly(D2);
		assertThat(rows.get(0).rules).isEmpty();
		assertThat(rows.get(0).result()).isEmpty();
		assertThat(rows.get(0).reasonZh()).isEmpty();
		assertThat(rows.get(0).reasonEn()).isEmpty();
	}

	@Test
	void theSameSubjectGivenTwiceIsOneSubjectWithBothInputs() {
		Dealer again = new Dealer("d-01", "east", "苏州恒达", BigDecimal.ONE, null, null, null, 0, 0);

		List<SubjectRow> rows = SubjectRow.rows(run(List.of(D1, again)));

		assertThat(rows).singleElement().satisfies(row -> assertThat(row.inputs).containsExactly(D1, again));
	}

	@Test
	void aRuleIsAttributedToTheSubjectsItMatchedOnceEach() {
		List<SubjectRow> rows = SubjectRow.rows(
				run(List.of(D1, D2), firing("Overdue", List.of(D1, MEDIANS, D1, dealer("d-99", "unknown")), List.of()),
						firing("Median", List.of(MEDIANS), List.of()), firing("Both", List.of(D2, D1), List.of())));

		assertThat(rows.get(0).rules).containsExactly("Overdue", "Both");
		assertThat(rows.get(1).rules).containsExactly("Both");
	}

	@Test
	void anOutcomeGoesToItsSubjectWithTheRuleThatInsertedIt() {
		List<SubjectRow> rows = SubjectRow
			.rows(run(List.of(D1, D2), firing("TierA", List.of(D1), List.of(tier("d-01", "A"), "not an outcome")),
					firing("TierC", List.of(), List.of(tier("d-02", "C"), tier("d-77", "B")))));

		assertThat(rows.get(0).rules).containsExactly("TierA");
		assertThat(rows.get(0).outcomes).containsExactly(tier("d-01", "A"));
		assertThat(rows.get(1).rules).containsExactly("TierC");
		assertThat(rows.get(1).outcomes).containsExactly(tier("d-02", "C"));
	}

	@Test
	void anOutcomeGoesToEverySubjectWithItsIdWhateverItsType() {
		City city = new City("x-1", "east", "苏州", null, BigDecimal.TEN, BigDecimal.ONE, List.of(), 12, null);
		Dealer dealer = dealer("x-1", "同号经销商");

		List<SubjectRow> rows = SubjectRow
			.rows(run(List.of(city, dealer), firing("Flag", List.of(dealer), List.of(flag("x-1", "OVERDUE")))));

		assertThat(rows).extracting(row -> row.type).containsExactly("city", "dealer");
		assertThat(rows).allSatisfy(row -> {
			assertThat(row.rules).containsExactly("Flag");
			assertThat(row.outcomes).containsExactly(flag("x-1", "OVERDUE"));
		});
	}

	@Test
	void oneResultIsAValueAndSeveralOfAKindAreAListInFiringOrder() {
		SubjectRow row = SubjectRow
			.rows(run(List.of(D1), firing("TierB", List.of(D1), List.of(tier("d-01", "B"))),
					firing("Overdue", List.of(D1), List.of(flag("d-01", "OVERDUE"))),
					firing("Declining", List.of(D1), List.of(flag("d-01", "DECLINING"))),
					firing("LowCoverage", List.of(D1), List.of(flag("d-01", "LOW_COVERAGE")))))
			.get(0);

		assertThat(row.result()).containsExactly(Map.entry("tier", "B"),
				Map.entry("flag", List.of("OVERDUE", "DECLINING", "LOW_COVERAGE")));
		assertThat(row.reasonZh()).isEqualTo("等级 B；标记 OVERDUE；标记 DECLINING；标记 LOW_COVERAGE");
		assertThat(row.reasonEn()).isEqualTo("tier B; flag OVERDUE; flag DECLINING; flag LOW_COVERAGE");
	}

	@Test
	void anOverrideIsThePersonsResultAndReason() {
		SubjectRow row = new SubjectRow("city", "suzhou");
		row.inputs.add(Map.of("before", Map.of("strategy", "BREAKTHROUGH")));
		row.outcomes.add(tier("suzhou", "ignored"));
		row.overridden = Map.of("strategy", "BASE_CAMP");
		row.overrideReason = "新团队 / new team";

		assertThat(row.result()).isEqualTo(Map.of("strategy", "BASE_CAMP"));
		assertThat(row.reasonZh())
			.isEqualTo("人工调整：{before={strategy=BREAKTHROUGH}} → {strategy=BASE_CAMP}；理由：新团队 / new team");
		assertThat(row.reasonEn())
			.isEqualTo("override: {before={strategy=BREAKTHROUGH}} → {strategy=BASE_CAMP}; reason: 新团队 / new team");
	}

}
