package io.regionplan.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The administrator under {@code regionplan.admin}; in the prod profile from the
 * environment variables {@code REGIONPLAN_ADMIN_USER} and
 * {@code REGIONPLAN_ADMIN_PASSWORD} (checked by {@link ProdSafetyCheck}).
 */
@ConfigurationProperties("regionplan.admin")
public record AdminSettings(@DefaultValue("admin") String id, String password) {
}
