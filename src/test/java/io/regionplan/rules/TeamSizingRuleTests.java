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
 * rules/team-sizing/parameters.properties: reps per city = ⌈Σ channels (stores × coverage
 * target × visits a month) ÷ (8 visits a day × 22 days)⌉, rounded once for the city;
 * visits a month KA 8, supermarket 4, convenience 2, traditional 2, catering 2,
 * e-commerce 0; coverage targets KA 1.0, supermarket 0.9, convenience 0.7, traditional
 * 0.6, catering 0.5, e-commerce 0.5, others 0.6 with 2 visits.
 */
class TeamSizingRuleTests {

	static CompiledRuleSet rules;

	@BeforeAll
	static void compile() {
		rules = RuleSets.compile("team-sizing");
	}

	/** A city of channels given as "CHANNEL:stores:headcount". */
	private static CityTeam city(String... channels) {
		List<CityChannelTeam> teams = new ArrayList<>();
		for (String channel : channels) {
			String[] part = channel.split(":");
			teams.add(new CityChannelTeam("suzhou", part[0], Long.parseLong(part[1]), Integer.parseInt(part[2]),
					new BigDecimal("1000000")));
		}
		return new CityTeam("suzhou", "苏州", teams);
	}

	private static TeamSize size(CityTeam city) {
		List<TeamSize> sizes = RuleSets.run(rules, List.of(city)).factsOf(TeamSize.class);
		assertThat(sizes).singleElement().extracting(TeamSize::subjectId).isEqualTo("suzhou");
		return sizes.get(0);
	}

	@ParameterizedTest(name = "{0} stores in {1} -> {2} reps")
	@CsvSource({
			// 100 × 1.0 × 8 = 800 visits ÷ 176 = 4.55 → 5
			"100, KA, 5",
			// 1,000 × 0.6 = 600 × 2 = 1,200 ÷ 176 = 6.82 → 7
			"1000, TRADITIONAL, 7",
			// 88 × 1.0 × 8 = 704 ÷ 176 = 4 exactly
			"88, KA, 4",
			// 89 → 712 ÷ 176 = 4.05 → 5
			"89, KA, 5",
			// a channel without parameters takes the defaults: 100 × 0.6 = 60 × 2 = 120 ÷
			// 176 → 1
			"100, VENDING, 1",
			// e-commerce stores are not visited: 1,000 × 0.5 × 0 = 0
			"1000, ECOMMERCE, 0", "0, KA, 0" })
	void requiredRepsOfAOneChannelCity(long stores, String channel, int required) {
		assertThat(size(city(channel + ":" + stores + ":0")).required()).isEqualTo(required);
	}

	/**
	 * Rounded once for the city: KA 10 stores (10 × 8 = 80 visits), supermarket 10 (9 × 4
	 * = 36), convenience 10 (7 × 2 = 14), traditional 10 (6 × 2 = 12), catering 10 (5 × 2
	 * = 10), e-commerce 10 (0): 152 visits ÷ 176 = 0.86 → 1 rep. Rounded per channel it
	 * was 5 (one per visited channel).
	 */
	@Test
	void aCityIsRoundedOnceNotPerChannel() {
		TeamSize team = size(city("KA:10:0", "SUPERMARKET:10:0", "CONVENIENCE:10:0", "TRADITIONAL:10:0",
				"CATERING:10:0", "ECOMMERCE:10:0"));

		assertThat(team.required()).isEqualTo(1);
		assertThat(team.reasonZh()).isEqualTo("每月拜访 152 次 ÷ (8 × 22) = 1 人，现有 0 人");
		assertThat(team.reasonEn()).isEqualTo("152 visits a month ÷ (8 × 22) = 1 reps, 0 now");
	}

	/**
	 * The defect the honest-plan issue names, in small: 3 channels each needing 0.5 FTE
	 * (88 visits) asked for 3 reps; the city needs ⌈264 ÷ 176⌉ = 2.
	 */
	@Test
	void halfTimeChannelsAddUpBeforeRounding() {
		// KA 11 × 8 = 88; supermarket 24 stores × 0.9 = 21.6 → 22 × 4 = 88; traditional
		// 73 × 0.6 = 43.8 → 44 × 2 = 88
		TeamSize team = size(city("KA:11:1", "SUPERMARKET:24:0", "TRADITIONAL:73:0"));

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
		// 1,000 traditional stores need 7 reps (above); the margin for OVERSTAFFED is 2
		List<StaffingFlag> flags = RuleSets.run(rules, List.of(city("TRADITIONAL:1000:" + headcount)))
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
				List.of(new CityChannelTeam("nantong", "KA", 22, 0, BigDecimal.ZERO)));

		List<TeamSize> sizes = RuleSets.run(rules, List.of(city("KA:100:0"), nantong)).factsOf(TeamSize.class);

		// 22 × 8 = 176 ÷ 176 = 1
		assertThat(sizes).extracting(TeamSize::subjectId, TeamSize::required)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("suzhou", 5),
					org.assertj.core.groups.Tuple.tuple("nantong", 1));
	}

}
