package io.regionplan.planning;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import io.regionplan.market.MarketMetrics;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;

/**
 * The region and data period a planning cycle's rule tasks work on. The period is the
 * last month with sales when the cycle first needs it, kept in the variable
 * {@code period} so that every rule task of the cycle reads the same months.
 */
final class CycleContext {

	static final String REGION = "region";

	static final String PERIOD = "period";

	private CycleContext() {
	}

	/**
	 * The cycle a task belongs to: the root process instance (monthly and quarterly work
	 * are called processes).
	 */
	static String cycleId(DelegateExecution execution) {
		String root = ((ExecutionEntity) execution).getRootProcessInstanceId();
		return root != null ? root : execution.getProcessInstanceId();
	}

	static String region(DelegateExecution execution) {
		Object region = execution.getVariable(REGION);
		if (!(region instanceof String id) || id.isBlank()) {
			throw new ProcessEngineException("变量 region 缺失 / the cycle has no 'region' variable");
		}
		return id;
	}

	static YearMonth period(DelegateExecution execution, MarketMetrics metrics) {
		Object period = execution.getVariable(PERIOD);
		if (period instanceof String text && !text.isBlank()) {
			try {
				return YearMonth.parse(text.strip());
			}
			catch (DateTimeParseException ex) {
				throw new ProcessEngineException(
						"变量 period 须为 YYYY-MM / variable 'period' must be YYYY-MM, got: " + text);
			}
		}
		String region = region(execution);
		YearMonth latest = metrics.latestMonth(region)
			.orElseThrow(() -> new ProcessEngineException(
					"区域 " + region + " 没有销售数据 / region '" + region + "' has no sales data: import it first"));
		execution.setVariable(PERIOD, latest.toString());
		return latest;
	}

}
