package io.regionplan.planning;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.regionplan.market.ChannelMetrics;
import io.regionplan.market.CityMetrics;
import io.regionplan.market.MarketMetrics;
import io.regionplan.rules.RuleRun;
import io.regionplan.rules.RuleSetBinding;
import io.regionplan.rules.fact.Amounts;
import io.regionplan.rules.fact.CityChannelTeam;
import io.regionplan.rules.fact.CityTeam;
import io.regionplan.rules.fact.StaffingFlag;
import io.regionplan.rules.fact.TeamSize;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code team-sizing} in a cycle: every city with the stores, reps and sales of each of
 * its channels and the stores its coverage target asks for (the stores carrying the
 * product today where the cycle has no coverage target, as in cycles started before
 * them); the reps each city requires are stored for the cycle (one row per city, channel
 * {@value #ALL_CHANNELS}), summed for the review form with every city's team, and the
 * cities short of reps or with more than needed are listed with their sales per rep.
 */
@Component
class TeamSizingBinding implements RuleSetBinding {

	/** The channel id of a row that holds a whole city. */
	static final String ALL_CHANNELS = "*";

	private final MarketMetrics metrics;

	private final JdbcTemplate jdbc;

	private final CycleResults results;

	TeamSizingBinding(MarketMetrics metrics, JdbcTemplate jdbc, CycleResults results) {
		this.metrics = metrics;
		this.jdbc = jdbc;
		this.results = results;
	}

	@Override
	public String ruleSet() {
		return "team-sizing";
	}

	@Override
	public Collection<?> facts(DelegateExecution execution) {
		String region = CycleContext.region(execution);
		YearMonth period = CycleContext.period(execution, metrics);
		Map<String, Long> targets = results.coverageTargetStores(CycleContext.cycleId(execution));
		Map<String, ChannelMetrics> stores = new HashMap<>();
		for (ChannelMetrics channel : metrics.channels(region)) {
			stores.put(channel.cityId() + "/" + channel.channelId(), channel);
		}
		Map<String, List<CityChannelTeam>> channels = new TreeMap<>();
		for (MarketMetrics.ChannelTeam team : metrics.channelTeams(region, period)) {
			String cell = team.cityId() + "/" + team.channelId();
			ChannelMetrics market = stores.get(cell);
			long carrying = market == null ? 0 : market.carrying();
			channels.computeIfAbsent(team.cityId(), city -> new ArrayList<>())
				.add(new CityChannelTeam(team.cityId(), team.channelId(), market == null ? 0 : market.stores(),
						team.headcount(), team.sales(), targets.getOrDefault(cell, carrying)));
		}
		List<Object> facts = new ArrayList<>();
		for (CityMetrics city : metrics.cities(region, period)) {
			facts.add(new CityTeam(city.cityId(), city.nameZh(), channels.getOrDefault(city.cityId(), List.of())));
		}
		// each channel too, for the rules of deployments before 2026-11-28 (sized per
		// channel) that cycles started then still run; today's rules match only the
		// cities
		channels.values().forEach(facts::addAll);
		return facts;
	}

	@Override
	public void apply(DelegateExecution execution, RuleRun run) {
		String cycle = CycleContext.cycleId(execution);
		Map<String, StaffingFlag> flags = new HashMap<>();
		run.factsOf(StaffingFlag.class).forEach(flag -> flags.put(flag.subjectId(), flag));
		Map<String, String> names = new HashMap<>();
		run.inputs()
			.stream()
			.filter(CityTeam.class::isInstance)
			.map(CityTeam.class::cast)
			.forEach(city -> names.put(city.cityId(), city.cityName()));
		jdbc.update("delete from cycle_team_size where process_instance_id = ?", cycle);
		List<Object[]> rows = new ArrayList<>();
		int required = 0;
		int headcount = 0;
		StringBuilder cities = new StringBuilder();
		StringBuilder short_ = new StringBuilder();
		StringBuilder over = new StringBuilder();
		List<TeamSize> teams = run.factsOf(TeamSize.class)
			.stream()
			.sorted(Comparator.comparing(TeamSize::subjectId))
			.toList();
		for (TeamSize team : teams) {
			StaffingFlag flag = flags.get(team.subjectId());
			// "city/channel" from the rules of older deployments, which sized each
			// channel
			String[] cityChannel = team.subjectId().contains("/") ? team.subjectId().split("/", 2)
					: new String[] { team.subjectId(), ALL_CHANNELS };
			rows.add(new Object[] { cycle, cityChannel[0], cityChannel[1], team.required(), team.headcount(),
					team.salesPerRep(), flag == null ? null : flag.flag(), team.reasonZh(), team.reasonEn(),
					run.version().label() });
			required += team.required();
			headcount += team.headcount();
			if (cityChannel[1].equals(ALL_CHANNELS)) {
				cities.append('\n')
					.append(names.getOrDefault(cityChannel[0], cityChannel[0]))
					.append(": 需要 ")
					.append(team.required())
					.append(" 人，现有 ")
					.append(team.headcount())
					.append(" 人 / ")
					.append(team.required())
					.append(" required, ")
					.append(team.headcount())
					.append(" now");
			}
			if (flag != null) {
				(flag.flag().equals("UNDERSTAFFED") ? short_ : over).append('\n')
					.append(team.subjectId())
					.append(' ')
					.append(names.getOrDefault(cityChannel[0], ""))
					.append(": ")
					.append(flag.reasonZh())
					.append(" / ")
					.append(flag.reasonEn())
					.append("（")
					.append(team.reasonZh())
					.append("；人均销售 / sales per rep ")
					.append(Amounts.wan(team.salesPerRep()))
					.append('）');
			}
		}
		jdbc.batchUpdate(
				"insert into cycle_team_size (process_instance_id, city_id, channel_id, required_reps, headcount, "
						+ "sales_per_rep, flag, reason_zh, reason_en, rule_version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				rows);
		execution.setVariable("requiredReps", required);
		execution.setVariable("currentReps", headcount);
		execution.setVariable("teamSizeSummary",
				"需要 / required " + required + "，现有 / now " + headcount
						+ (cities.isEmpty() ? "" : "\n各城市 / by city:" + cities)
						+ (short_.isEmpty() ? "" : "\n缺人的城市 / cities short of reps:" + short_)
						+ (over.isEmpty() ? "" : "\n人多的城市 / cities with more reps than needed:" + over));
	}

	@Override
	public Set<String> reads() {
		return Set.of("region");
	}

	@Override
	public Set<String> writes() {
		return Set.of("period", "requiredReps", "currentReps", "teamSizeSummary");
	}

}
