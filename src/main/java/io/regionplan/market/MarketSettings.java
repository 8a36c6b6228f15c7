package io.regionplan.market;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code regionplan.market}.
 * @param maxImportRows the most data rows one imported file may have: the rows are checked in memory before
 *        any is written, so this bounds what an import holds
 */
@ConfigurationProperties("regionplan.market")
public record MarketSettings(@DefaultValue("1200000") int maxImportRows) {
}
