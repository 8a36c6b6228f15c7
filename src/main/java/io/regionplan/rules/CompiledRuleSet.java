package io.regionplan.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.regionplan.rules.fact.OutcomeGroup;
import io.regionplan.rules.fact.Parameters;

import org.kie.api.KieBase;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;

/**
 * A compiled rule set, shared by every evaluation of the same content. Each run gets its
 * own session, so runs are independent and thread-safe.
 */
public final class CompiledRuleSet {

	private final String name;

	private final String contentHash;

	private final KieBase kieBase;

	private final Parameters parameters;

	/**
	 * The rules each generated class (or lambda method) belongs to: names the rule of a
	 * failure.
	 */
	private final Map<String, List<String>> rulesByClass;

	CompiledRuleSet(String name, String contentHash, KieBase kieBase, Parameters parameters,
			Map<String, List<String>> rulesByClass) {
		this.name = name;
		this.contentHash = contentHash;
		this.kieBase = kieBase;
		this.parameters = parameters;
		this.rulesByClass = Map.copyOf(rulesByClass);
	}

	public String name() {
		return name;
	}

	public String contentHash() {
		return contentHash;
	}

	public Parameters parameters() {
		return parameters;
	}

	/**
	 * The knowledge base itself, for benchmarks and tools that run sessions of their own.
	 */
	public KieBase kieBase() {
		return kieBase;
	}

	/**
	 * As {@link #run(RuleSetVersion, Collection, RuleLimits)} with the default limits but
	 * {@code maxFirings}.
	 */
	public RuleRun run(RuleSetVersion version, Collection<?> facts, int maxFirings) {
		return run(version, facts, RuleLimits.DEFAULT.withMaxFirings(maxFirings));
	}

	/**
	 * As {@link #run(RuleSetVersion, Collection, RuleLimits)} with the default limits but
	 * these two.
	 */
	public RuleRun run(RuleSetVersion version, Collection<?> facts, int maxFirings, java.time.Duration maxTime) {
		return run(version, facts, RuleLimits.DEFAULT.withMaxFirings(maxFirings).withMaxTime(maxTime));
	}

	/**
	 * Inserts the parameters and the facts, fires all rules once, and returns what fired
	 * and the facts afterwards; on a thread of its own, held to the limits inside every
	 * firing ({@link RuleSandbox}).
	 * @throws RuleEvaluationException when a rule fails or a limit is reached, naming the
	 * rule set, the rule and the limit
	 */
	public RuleRun run(RuleSetVersion version, Collection<?> facts, RuleLimits limits) {
		KieSession[] session = new KieSession[1];
		Evaluation evaluation = new Evaluation();
		return new RuleSandbox(name, limits, rulesByClass).run(() -> {
			session[0] = kieBase.newKieSession();
			try {
				return evaluation.run(session[0], version, facts, limits.maxFirings());
			}
			finally {
				session[0].dispose();
			}
		}, () -> evaluation.firing, evaluation::mostFired, () -> {
			if (session[0] != null) {
				session[0].halt();
			}
		});
	}

	/**
	 * The same evaluation on the calling thread, without the limits inside a firing: only
	 * for the benchmark that measures what the sandbox costs
	 * ({@code RuleSandboxBenchmark}).
	 */
	RuleRun runOnThisThread(RuleSetVersion version, Collection<?> facts, int maxFirings) {
		KieSession session = kieBase.newKieSession();
		try {
			return new Evaluation().run(session, version, facts, maxFirings);
		}
		finally {
			session.dispose();
		}
	}

	/**
	 * One evaluation's session listeners: the rule firing now, what fired, what each
	 * firing inserted.
	 */
	private final class Evaluation {

		private volatile String firing;

		private final List<RuleRun.Firing> firings = java.util.Collections.synchronizedList(new ArrayList<>());

		private final List<Object> inserted = new ArrayList<>();

		/**
		 * After a limit: the rule that fired most often, when there were several firings
		 * (a loop).
		 */
		String mostFired() {
			synchronized (firings) {
				return firings.size() > 1 ? CompiledRuleSet.mostFired(List.copyOf(firings)) : null;
			}
		}

		RuleRun run(KieSession session, RuleSetVersion version, Collection<?> facts, int maxFirings) {
			session.addEventListener(new DefaultAgendaEventListener() {
				@Override
				public void beforeMatchFired(BeforeMatchFiredEvent event) {
					firing = event.getMatch().getRule().getName();
					inserted.clear();
				}

				@Override
				public void afterMatchFired(AfterMatchFiredEvent event) {
					firings.add(new RuleRun.Firing(firing, List.copyOf(event.getMatch().getObjects()),
							List.copyOf(inserted)));
					firing = null;
				}
			});
			session.addEventListener(new DefaultRuleRuntimeEventListener() {
				@Override
				public void objectInserted(ObjectInsertedEvent event) {
					if (event.getRule() == null) {
						return;
					}
					Object fact = event.getObject();
					if (!RuleTypes.isFact(fact)) {
						throw new RuleEvaluationException("规则集 " + name + "，规则 " + event.getRule().getName()
								+ " 只能插入事实类型，不能插入 " + fact.getClass().getName() + " / rule set '" + name + "' in rule '"
								+ event.getRule().getName() + "' may insert only fact types, not "
								+ fact.getClass().getName(), null);
					}
					if (fact instanceof OutcomeGroup group) {
						inserted.addAll(group.outcomes());
					}
					else {
						inserted.add(fact);
					}
				}
			});
			session.insert(parameters);
			for (Object fact : facts) {
				session.insert(fact);
			}
			int fired = session.fireAllRules(maxFirings + 1);
			if (fired > maxFirings) {
				String loop = CompiledRuleSet.mostFired(List.copyOf(firings));
				throw new RuleEvaluationException(
						"规则集 " + name + " 触发超过 " + maxFirings + " 次（可能循环），最多的规则 " + loop + " / rule set '" + name
								+ "' fired more than " + maxFirings + " rules (a loop?), most often rule " + loop,
						null);
			}
			List<Object> after = new ArrayList<>();
			for (Object fact : session.getObjects()) {
				if (fact instanceof OutcomeGroup group) {
					after.addAll(group.outcomes());
				}
				else {
					after.add(fact);
				}
			}
			return new RuleRun(version, List.copyOf(facts), List.copyOf(firings), List.copyOf(after));
		}

	}

	/** The rule that fired most often, with its count: the one that loops. */
	private static String mostFired(List<RuleRun.Firing> firings) {
		java.util.Map<String, Long> counts = firings.stream()
			.collect(java.util.stream.Collectors.groupingBy(RuleRun.Firing::rule,
					java.util.stream.Collectors.counting()));
		return counts.entrySet()
			.stream()
			.max(java.util.Map.Entry.comparingByValue())
			.map(most -> "'" + most.getKey() + "' (" + most.getValue() + "×)")
			.orElse("-");
	}

}
