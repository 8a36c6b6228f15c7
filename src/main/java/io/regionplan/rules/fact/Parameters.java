package io.regionplan.rules.fact;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * The thresholds and weights of a rule set, read from {@code parameters.properties} in
 * its folder and inserted as a fact, so that a process owner changes a threshold by
 * editing one file.
 */
public final class Parameters {

	private final String ruleSet;

	private final Map<String, String> values;

	/** Rules read a threshold once per fact they test: parse it once. */
	private final Map<String, BigDecimal> decimals = new java.util.concurrent.ConcurrentHashMap<>();

	public Parameters(String ruleSet, Map<String, String> values) {
		this.ruleSet = ruleSet;
		this.values = new TreeMap<>(values);
	}

	/**
	 * A number parameter; a missing key is an error of the rule set, named in the
	 * message.
	 */
	public BigDecimal decimal(String key) {
		return decimals.computeIfAbsent(key, k -> {
			try {
				return new BigDecimal(text(k).trim());
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("规则集 " + ruleSet + " 的参数 " + k + " 不是数字 / parameter '" + k
						+ "' of rule set '" + ruleSet + "' is not a number: " + text(k));
			}
		});
	}

	/** A fraction parameter as a percentage for reasons: 0.05 gives "5%". */
	public String percent(String key) {
		return decimal(key).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
	}

	/**
	 * A fraction parameter as a percentage without its sign, for reasons: -0.20 gives
	 * "20%".
	 */
	public String percentMagnitude(String key) {
		return decimal(key).abs().movePointRight(2).stripTrailingZeros().toPlainString() + "%";
	}

	/**
	 * The share above a percentile threshold, for reasons: 0.80 (from the 80th percentile
	 * up) gives "20%", the top fifth.
	 */
	public String topPercent(String key) {
		return BigDecimal.ONE.subtract(decimal(key)).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
	}

	/**
	 * The key of a value given per kind with a default:
	 * {@code keyFor("coverageTarget", "KA")} is {@code coverageTarget.KA} when the
	 * parameters have it, else {@code coverageTarget.default}.
	 */
	public String keyFor(String prefix, String kind) {
		String specific = prefix + "." + kind;
		return values.containsKey(specific) ? specific : prefix + ".default";
	}

	public String text(String key) {
		String value = values.get(key);
		if (value == null) {
			throw new IllegalArgumentException(
					"规则集 " + ruleSet + " 缺少参数 " + key + " / rule set '" + ruleSet + "' has no parameter '" + key + "'");
		}
		return value;
	}

	public Map<String, String> values() {
		return Map.copyOf(values);
	}

	public String ruleSet() {
		return ruleSet;
	}

	@Override
	public String toString() {
		return "Parameters" + values;
	}

}
