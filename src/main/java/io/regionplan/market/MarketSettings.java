package io.regionplan.market;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code regionplan.market}.
 *
 * @param maxImportRows the most data rows one imported file may have: the rows are
 * checked in memory before any is written, so this bounds what an import holds
 * @param importHeartbeat how often a node notes in the database that its imports still
 * run
 * @param importStaleAfter when an import's node has not noted that for this long, the
 * node is taken as dead and the import as interrupted (PostgreSQL, where several nodes
 * may share the database)
 */
@ConfigurationProperties("regionplan.market")
public record MarketSettings(@DefaultValue("1200000") int maxImportRows, @DefaultValue("10s") Duration importHeartbeat,
		@DefaultValue("60s") Duration importStaleAfter) {
}
