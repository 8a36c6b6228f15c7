package io.regionplan.decision;

import java.math.BigDecimal;
import java.util.List;

import io.regionplan.rules.RuleRun;
import io.regionplan.rules.RuleSetVersion;
import io.regionplan.rules.fact.Dealer;
import io.regionplan.rules.fact.DealerFlag;
import io.regionplan.rules.fact.DealerTier;

/** Rule runs of dealer classification written by hand, for the decision unit tests. */
final class Runs {

	static final String HASH = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

	static final RuleSetVersion VERSION = new RuleSetVersion("dealer-classification", "deployment-1", HASH);

	private Runs() {
	}

	static Dealer dealer(String id, String name) {
		return new Dealer(id, "east", name, new BigDecimal("1200"), new BigDecimal("0.15"), new BigDecimal("0.9"), null,
				3, 0);
	}

	static DealerTier tier(String dealer, String tier) {
		return new DealerTier(dealer, tier, "等级 " + tier, "tier " + tier);
	}

	static DealerFlag flag(String dealer, String flag) {
		return new DealerFlag(dealer, flag, "标记 " + flag, "flag " + flag);
	}

	static RuleRun.Firing firing(String rule, List<Object> matched, List<Object> inserted) {
		return new RuleRun.Firing(rule, matched, inserted);
	}

	static RuleRun run(List<Object> inputs, RuleRun.Firing... firings) {
		return new RuleRun(VERSION, inputs, List.of(firings), inputs);
	}

}
