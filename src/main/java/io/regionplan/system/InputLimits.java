package io.regionplan.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How much input the APIs take: a request body that is not an upload (JSON of the engine
 * REST API and of /api), and one text value of a form field without a {@code maxLength}
 * of its own. Uploads are limited by {@code spring.servlet.multipart.max-request-size}.
 */
@ConfigurationProperties("regionplan.input")
public record InputLimits(@DefaultValue("1MB") DataSize maxBody, @DefaultValue("65536") int maxTextLength) {
}
