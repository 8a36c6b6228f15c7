package io.regionplan.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.regionplan.rules.fact.CityChannelTeam;
import io.regionplan.rules.fact.CityTeam;
import io.regionplan.rules.fact.StaffingFlag;
import io.regionplan.rules.fact.TeamSize;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hand-computed from DOMAIN.md ("Default policies, second set", Team) and
 * rules/team-sizing/parameters.properties: reps per city = ⌈Σ channels (target stores of
 * the coverage target × visits a month) ÷ (8 visits a day × 22 days)⌉, rounded once for
 * the city; visits a month KA 8, supermarket 4, convenience 2, traditional 2, catering 2,
 * e-commerce 0, others 2. The stores of the channel universe are twice the target stores
 * here: the team is sized on the targets, not on the universe.
 */
class TeamSizingRuleTests {

	static CompiledRuleSet rules;

	@BeforeAll
	static void compile() {
		rules = RuleSets.compile("team-sizing");
	}

	/** A city of channels given as "CHANNEL:target stores:headcount". */
	private static CityTeam city(String... channels) {
		List<CityChannelTeam> teams = new ArrayList<>();
		for (String channel : channels) {
			String[] part = channel.split(":");
			long target = Long.parseLong(part[1]);
			teams.add(new CityChannelTeam("suzhou", part[0], 2 * target, Integer.parseInt(part[2]),
					new BigDecimal("1000000"), target));
		}
		return new CityTeam("suzhou", "苏州", teams);
	}

	private static TeamSize size(CityTeam city) {
		List<TeamSize> sizes = RuleSets.run(rules, List.of(city)).factsOf(TeamSize.class);
		assertThat(sizes).singleElement().extracting(TeamSize::subjectId).isEqualTo("suzhou");
		return sizes.get(0);
	}

	@ParameterizedTest(name = "{0} target stores in {1} -> {2} reps")
	@CsvSource({
			// 100 × 8 = 800 visits ÷ 176 = 4.55 → 5
			"100, KA, 5",
			// 600 × 2 = 1,200 ÷ 176 = 6.82 → 7
			"600, TRADITIONAL, 7",
			// 88 × 8 = 704 ÷ 176 = 4 exactly
			"88, KA, 4",
			// 89 → 712 ÷ 176 = 4.05 → 5
			"89, KA, 5",
			// a channel without parameters takes the default 2 visits: 60 × 2 = 120 ÷ 176
			// → 1
			"60, VENDING, 1",
			// e-commerce stores are not visited: 500 × 0 = 0
			"500, ECOMMERCE, 0", "0, KA, 0" })
	void requiredRepsOfAOneChannelCity(long stores, String channel, int required) {
		assertThat(size(city(channel + ":" + stores + ":0")).required()).isEqualTo(required);
	}

	/**
	 * Rounded once for the city: target stores KA 10 (10 × 8 = 80 visits), supermarket 9
	 * (9 × 4 = 36), convenience 7 (7 × 2 = 14), traditional 6 (6 × 2 = 12), catering 5 (5
	 * × 2 = 10), e-commerce 5 (0): 42 target stores, 152 visits ÷ 176 = 0.86 → 1 rep.
	 * Rounded per channel it was 5 (one per visited channel).
	 */
	@Test
	void aCityIsRoundedOnceNotPerChannel() {
		TeamSize team = size(city("KA:10:0", "SUPERMARKET:9:0", "CONVENIENCE:7:0", "TRADITIONAL:6:0", "CATERING:5:0",
				"ECOMMERCE:5:0"));

		assertThat(team.required()).isEqualTo(1);
		assertThat(team.reasonZh()).isEqualTo("目标门店 42 家，每月拜访 152 次 ÷ (8 × 22) = 1 人，现有 0 人");
		assertThat(team.reasonEn()).isEqualTo("42 target stores, 152 visits a month ÷ (8 × 22) = 1 reps, 0 now");
	}

	/**
	 * The coverage target's stores, not the channel universe: 100 target stores of 1,000
	 * in KA need ⌈800 ÷ 176⌉ = 5 reps, not ⌈8,000 ÷ 176⌉ = 46.
	 */
	@Test
	void repsAreSizedOnTheTargetStoresNotOnTheUniverse() {
		CityTeam city = new CityTeam("suzhou", "苏州",
				List.of(new CityChannelTeam("suzhou", "KA", 1000, 0, BigDecimal.ZERO, 100)));

		assertThat(size(city).required()).isEqualTo(5);
	}

	/**
	 * The defect the honest-plan issue names, in small: 3 channels each needing 0.5 FTE
	 * (88 visits) asked for 3 reps; the city needs ⌈264 ÷ 176⌉ = 2.
	 */
	@Test
	void halfTimeChannelsAddUpBeforeRounding() {
		// KA 11 × 8 = 88; supermarket 22 × 4 = 88; traditional 44 × 2 = 88
		TeamSize team = size(city("KA:11:1", "SUPERMARKET:22:0", "TRADITIONAL:44:0"));

		assertThat(team.required()).isEqualTo(2);
		assertThat(team.headcount()).isEqualTo(1);
	}

	@Test
	void outputPerRepIsTheCitysSalesOverItsReps() {
		// 3 channels × 1,000,000 sales = 3,000,000 ÷ (1 + 2 + 0) reps = 1,000,000
		TeamSize team = size(city("KA:100:1", "SUPERMARKET:10:2", "ECOMMERCE:10:0"));

		assertThat(team.salesPerRep()).isEqualByComparingTo("1000000");
		assertThat(size(city("KA:100:0")).salesPerRep()).isNull();
	}

	@ParameterizedTest(name = "{0} reps for 7 needed -> {1}")
	@CsvSource(nullValues = "none", value = { "6, UNDERSTAFFED", "7, none", "8, none", "9, OVERSTAFFED" })
	void staffingFlags(int headcount, String flag) {
		// 600 traditional target stores need 7 reps (above); the margin for OVERSTAFFED
		// is
		// 2
		List<StaffingFlag> flags = RuleSets.run(rules, List.of(city("TRADITIONAL:600:" + headcount)))
			.factsOf(StaffingFlag.class);

		if (flag == null) {
			assertThat(flags).isEmpty();
		}
		else {
			assertThat(flags).singleElement().satisfies(f -> {
				assertThat(f.flag()).isEqualTo(flag);
				assertThat(f.subjectId()).isEqualTo("suzhou");
			});
		}
	}

	@Test
	void everyCityGetsItsOwnSize() {
		CityTeam nantong = new CityTeam("nantong", "南通",
				List.of(new CityChannelTeam("nantong", "KA", 44, 0, BigDecimal.ZERO, 22)));

		List<TeamSize> sizes = RuleSets.run(rules, List.of(city("KA:100:0"), nantong)).factsOf(TeamSize.class);

		// 22 × 8 = 176 ÷ 176 = 1
		assertThat(sizes).extracting(TeamSize::subjectId, TeamSize::required)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("suzhou", 5),
					org.assertj.core.groups.Tuple.tuple("nantong", 1));
	}

}
