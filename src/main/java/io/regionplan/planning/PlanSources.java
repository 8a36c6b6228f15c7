package io.regionplan.planning;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.regionplan.rules.fact.PlanSource;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The gap-closing sources of a cycle as the plan split reads them: per city where the
 * manager split them ({@value #BY_CITY}), the rest of each region total as a source of
 * the region for the rules to assign. An accepted gap has no sources (the plan is the
 * forecast; a value left from an earlier pass does not count).
 */
final class PlanSources {

	/**
	 * City id → source field → volume, as a JSON object (a Json variable, its text, or a
	 * map): {@code {"hangzhou": {"newDealersVolume": 1200}}}. The server writes it from
	 * the gap-closing form's rows ({@link GapSourcesBinding}).
	 */
	static final String BY_CITY = "gapSourcesByCity";

	private static final ObjectMapper JSON = new ObjectMapper();

	private PlanSources() {
	}

	static List<PlanSource> of(DelegateExecution execution, Set<String> cities) {
		List<PlanSource> sources = new ArrayList<>();
		if ("ACCEPTED".equals(execution.getVariable("gapBand"))) {
			return sources;
		}
		Map<String, Map<String, BigDecimal>> byCity = byCity(execution.getVariable(BY_CITY), cities);
		for (String kind : DistributePlanDelegate.GAP_SOURCES) {
			BigDecimal rest = DistributePlanDelegate.number(execution.getVariable(kind));
			for (Map.Entry<String, Map<String, BigDecimal>> city : byCity.entrySet()) {
				BigDecimal volume = city.getValue().getOrDefault(kind, BigDecimal.ZERO);
				if (volume.signum() > 0) {
					sources.add(new PlanSource(city.getKey(), kind, volume));
					rest = rest.subtract(volume);
				}
			}
			if (rest.signum() > 0) {
				sources.add(new PlanSource(null, kind, rest));
			}
		}
		return sources;
	}

	private static Map<String, Map<String, BigDecimal>> byCity(Object value, Set<String> cities) {
		Map<String, Map<String, BigDecimal>> byCity = new TreeMap<>();
		if (value == null || value instanceof String text && text.isBlank()) {
			return byCity;
		}
		TypeReference<Map<String, Map<String, BigDecimal>>> shape = new TypeReference<>() {
		};
		Map<String, Map<String, BigDecimal>> read;
		try {
			read = value instanceof Map<?, ?> map ? JSON.convertValue(map, shape)
					: JSON.readValue(value.toString(), shape);
		}
		catch (JsonProcessingException | IllegalArgumentException ex) {
			throw invalid("须为 {城市: {来源: 销量}}", "must be {city: {source: volume}}");
		}
		read.forEach((city, volumes) -> {
			if (!cities.contains(city)) {
				throw invalid("的城市 " + city + " 不在本区域", "names the city '" + city + "', which is not in the region");
			}
			volumes.forEach((kind, volume) -> {
				if (!List.of(DistributePlanDelegate.GAP_SOURCES).contains(kind) || volume == null
						|| volume.signum() < 0) {
					throw invalid("的 " + city + "." + kind + " 不是已知来源的非负销量",
							"has " + city + "." + kind + ", not a known source with a volume of zero or above");
				}
			});
			byCity.put(city, new TreeMap<>(volumes));
		});
		return byCity;
	}

	private static ProcessEngineException invalid(String zh, String en) {
		return new ProcessEngineException("变量 " + BY_CITY + " " + zh + " / variable '" + BY_CITY + "' " + en);
	}

}
