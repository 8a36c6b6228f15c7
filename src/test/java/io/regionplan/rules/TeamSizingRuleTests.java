package io.regionplan.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import io.regionplan.rules.fact.CityChannelTeam;
import io.regionplan.rules.fact.StaffingFlag;
import io.regionplan.rules.fact.TeamSize;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hand-computed: required = ⌈stores × coverage target × visits a month ÷ (8 visits a day
 * × 22 days)⌉.
 */
class TeamSizingRuleTests {

	static CompiledRuleSet rules;

	@BeforeAll
	static void compile() {
		rules = RuleSets.compile("team-sizing");
	}

	private static RuleRun size(String channel, long stores, int headcount) {
		return RuleSets.run(rules,
				List.of(new CityChannelTeam("suzhou", channel, stores, headcount, new BigDecimal("1000000"))));
	}

	@ParameterizedTest(name = "{0} with {1} stores -> {2} reps")
	@CsvSource({
			// 100 × 1.0 × 8 = 800 visits ÷ 176 = 4.55 → 5
			"KA, 100, 5",
			// 1,000 × 0.6 = 600 × 2 = 1,200 ÷ 176 = 6.82 → 7
			"TRADITIONAL, 1000, 7",
			// 88 × 1.0 × 8 = 704 ÷ 176 = 4 exactly
			"KA, 88, 4",
			// 89 → 712 ÷ 176 = 4.05 → 5
			"KA, 89, 5",
			// a channel without parameters takes the defaults: 100 × 0.6 = 60 × 2 = 120 ÷
			// 176 → 1
			"VENDING, 100, 1", "KA, 0, 0" })
	void requiredRepsFromStoresAndVisits(String channel, long stores, int required) {
		assertThat(size(channel, stores, 0).factsOf(TeamSize.class)).singleElement()
			.extracting(TeamSize::required)
			.isEqualTo(required);
	}

	@Test
	void outputPerRepAndTheReason() {
		TeamSize team = size("KA", 100, 3).factsOf(TeamSize.class).get(0);

		assertThat(team.salesPerRep()).isEqualByComparingTo("333333");
		assertThat(team.reasonEn()).isEqualTo("target stores 100 × 8 visits a month ÷ (8 × 22) = 5 reps, 3 now");
		assertThat(size("KA", 100, 0).factsOf(TeamSize.class).get(0).salesPerRep()).isNull();
	}

	@ParameterizedTest(name = "{0} reps for 7 needed -> {1}")
	@CsvSource(nullValues = "none", value = { "6, UNDERSTAFFED", "7, none", "8, none", "9, OVERSTAFFED" })
	void staffingFlags(int headcount, String flag) {
		List<StaffingFlag> flags = size("TRADITIONAL", 1000, headcount).factsOf(StaffingFlag.class);

		if (flag == null) {
			assertThat(flags).isEmpty();
		}
		else {
			assertThat(flags).singleElement().extracting(StaffingFlag::flag).isEqualTo(flag);
		}
	}

}
