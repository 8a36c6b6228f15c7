package io.regionplan.rules;

/**
 * The exact version of a rule set an evaluation used: the Camunda deployment that holds
 * its files and the SHA-256 of those files.
 */
public record RuleSetVersion(String ruleSet, String deploymentId, String contentHash) {

	/**
	 * e.g. {@code 5f3c…:9a1b2c3d4e5f} — deployment id and the first 12 hex digits of the
	 * hash.
	 */
	public String label() {
		return deploymentId + ":" + contentHash.substring(0, 12);
	}

}
