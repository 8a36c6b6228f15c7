package io.regionplan.planning;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.regionplan.market.ChannelMetrics;
import io.regionplan.market.MarketMetrics;
import io.regionplan.rules.RuleRun;
import io.regionplan.rules.RuleSetBinding;
import io.regionplan.rules.fact.CityChannelTeam;
import io.regionplan.rules.fact.StaffingFlag;
import io.regionplan.rules.fact.TeamSize;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code team-sizing} in a cycle: every city × channel with its stores, reps and sales;
 * the required reps are stored for the cycle and summed for the review form.
 */
@Component
class TeamSizingBinding implements RuleSetBinding {

	private final MarketMetrics metrics;

	private final JdbcTemplate jdbc;

	TeamSizingBinding(MarketMetrics metrics, JdbcTemplate jdbc) {
		this.metrics = metrics;
		this.jdbc = jdbc;
	}

	@Override
	public String ruleSet() {
		return "team-sizing";
	}

	@Override
	public Collection<?> facts(DelegateExecution execution) {
		String region = CycleContext.region(execution);
		Map<String, Long> stores = new HashMap<>();
		for (ChannelMetrics channel : metrics.channels(region)) {
			stores.put(channel.cityId() + "/" + channel.channelId(), channel.stores());
		}
		List<CityChannelTeam> teams = new ArrayList<>();
		for (MarketMetrics.ChannelTeam team : metrics.channelTeams(region, CycleContext.period(execution, metrics))) {
			teams.add(new CityChannelTeam(team.cityId(), team.channelId(),
					stores.getOrDefault(team.cityId() + "/" + team.channelId(), 0L), team.headcount(), team.sales()));
		}
		return teams;
	}

	@Override
	public void apply(DelegateExecution execution, RuleRun run) {
		String cycle = CycleContext.cycleId(execution);
		Map<String, String> flags = new HashMap<>();
		run.factsOf(StaffingFlag.class).forEach(flag -> flags.put(flag.subjectId(), flag.flag()));
		jdbc.update("delete from cycle_team_size where process_instance_id = ?", cycle);
		List<Object[]> rows = new ArrayList<>();
		int required = 0;
		int headcount = 0;
		StringBuilder short_ = new StringBuilder();
		for (TeamSize team : run.factsOf(TeamSize.class)) {
			String[] cityChannel = team.subjectId().split("/", 2);
			rows.add(new Object[] { cycle, cityChannel[0], cityChannel[1], team.required(), team.headcount(),
					team.salesPerRep(), flags.get(team.subjectId()), team.reasonZh(), team.reasonEn(),
					run.version().label() });
			required += team.required();
			headcount += team.headcount();
			if ("UNDERSTAFFED".equals(flags.get(team.subjectId()))) {
				short_.append('\n')
					.append(team.subjectId())
					.append(": ")
					.append(team.reasonZh())
					.append(" / ")
					.append(team.reasonEn());
			}
		}
		jdbc.batchUpdate(
				"insert into cycle_team_size (process_instance_id, city_id, channel_id, required_reps, headcount, "
						+ "sales_per_rep, flag, reason_zh, reason_en, rule_version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				rows);
		execution.setVariable("requiredReps", required);
		execution.setVariable("currentReps", headcount);
		execution.setVariable("teamSizeSummary", "需要 / required " + required + "，现有 / now " + headcount
				+ "（缺人的城市渠道 / understaffed city × channel:）" + short_);
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
