package io.regionplan.rules;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code regionplan.rules}.
 * @param maxRuleFirings the most rule firings one evaluation may take before it counts as a loop
 */
@ConfigurationProperties("regionplan.rules")
public record RulesSettings(@DefaultValue("1000000") int maxRuleFirings) {
}
