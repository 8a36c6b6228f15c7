package io.regionplan.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.regionplan.rules.fact.Parameters;

import org.kie.api.KieBase;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;

/**
 * A compiled rule set, shared by every evaluation of the same content. Each run gets its own
 * session, so runs are independent and thread-safe.
 */
public final class CompiledRuleSet {

	private final String name;

	private final String contentHash;

	private final KieBase kieBase;

	private final Parameters parameters;

	CompiledRuleSet(String name, String contentHash, KieBase kieBase, Parameters parameters) {
		this.name = name;
		this.contentHash = contentHash;
		this.kieBase = kieBase;
		this.parameters = parameters;
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

	/** The knowledge base itself, for benchmarks and tools that run sessions of their own. */
	public KieBase kieBase() {
		return kieBase;
	}

	/**
	 * Inserts the parameters and the facts, fires all rules once, and returns what fired and the facts
	 * afterwards.
	 * @param maxFirings the most rule firings one run may take; more means a loop and fails the run
	 */
	public RuleRun run(RuleSetVersion version, Collection<?> facts, int maxFirings) {
		return run(version, facts, maxFirings, null);
	}

	/**
	 * As {@link #run(RuleSetVersion, Collection, int)}, and stopped after {@code maxTime} (checked after each
	 * firing; {@code null} for no limit).
	 */
	public RuleRun run(RuleSetVersion version, Collection<?> facts, int maxFirings, java.time.Duration maxTime) {
		KieSession session = kieBase.newKieSession();
		long deadline = maxTime == null ? Long.MAX_VALUE : System.nanoTime() + maxTime.toNanos();
		boolean[] overtime = { false };
		List<RuleRun.Firing> firings = new ArrayList<>();
		List<Object> inserted = new ArrayList<>();
		try {
			session.addEventListener(new DefaultAgendaEventListener() {
				@Override
				public void beforeMatchFired(BeforeMatchFiredEvent event) {
					inserted.clear();
				}

				@Override
				public void afterMatchFired(AfterMatchFiredEvent event) {
					firings.add(new RuleRun.Firing(event.getMatch().getRule().getName(),
							List.copyOf(event.getMatch().getObjects()), List.copyOf(inserted)));
					if (System.nanoTime() > deadline && !overtime[0]) {
						overtime[0] = true;
						event.getKieRuntime().halt();
					}
				}
			});
			session.addEventListener(new DefaultRuleRuntimeEventListener() {
				@Override
				public void objectInserted(ObjectInsertedEvent event) {
					if (event.getRule() != null) {
						inserted.add(event.getObject());
					}
				}
			});
			session.insert(parameters);
			for (Object fact : facts) {
				session.insert(fact);
			}
			int fired = session.fireAllRules(maxFirings + 1);
			if (overtime[0]) {
				String loop = mostFired(firings);
				throw new RuleEvaluationException("规则集 " + name + " 运行超过 " + maxTime.toSeconds() + " 秒（" + fired
						+ " 次触发，可能循环），最多的规则 " + loop + " / rule set '" + name + "' ran longer than " + maxTime
							.toMillis() + " ms (" + fired + " firings, a loop?), most often rule " + loop, null);
			}
			if (fired > maxFirings) {
				String loop = mostFired(firings);
				throw new RuleEvaluationException("规则集 " + name + " 触发超过 " + maxFirings + " 次（可能循环），最多的规则 "
						+ loop + " / rule set '" + name + "' fired more than " + maxFirings + " rules (a loop?), most often rule "
						+ loop, null);
			}
			return new RuleRun(version, List.copyOf(facts), List.copyOf(firings), List.copyOf(session.getObjects()));
		}
		catch (RuleEvaluationException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw new RuleEvaluationException("规则集 " + name + " 执行失败 / rule set '" + name + "' failed: "
					+ rootMessage(ex), ex);
		}
		finally {
			session.dispose();
		}
	}

	/** The rule that fired most often, with its count: the one that loops. */
	private static String mostFired(List<RuleRun.Firing> firings) {
		java.util.Map<String, Long> counts = firings.stream()
			.collect(java.util.stream.Collectors.groupingBy(RuleRun.Firing::rule, java.util.stream.Collectors.counting()));
		return counts.entrySet().stream().max(java.util.Map.Entry.comparingByValue())
			.map(most -> "'" + most.getKey() + "' (" + most.getValue() + "×)").orElse("-");
	}

	private static String rootMessage(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return ex.getMessage() + (cause != ex ? " (" + cause + ")" : "");
	}

}
