package io.regionplan.planning;

import java.time.YearMonth;
import java.util.Set;

import io.regionplan.engine.ExpressionBean;
import io.regionplan.engine.VariableContract;
import io.regionplan.forms.CompletionRule;
import io.regionplan.market.MonthlySpend;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The spending section of the monthly report, kept as the month's actual spending per
 * city (in the report's transaction: a wrong line refuses the whole report, naming the
 * line).
 */
@ExpressionBean
@Component("recordMonthlySpendDelegate")
class RecordMonthlySpendDelegate implements JavaDelegate, VariableContract {

	private final MonthlySpend spend;

	RecordMonthlySpendDelegate(MonthlySpend spend) {
		this.spend = spend;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String region = CycleContext.region(execution);
		YearMonth month = YearMonth.of(QuarterlyReviewBinding.number(execution, "year"),
				QuarterlyReviewBinding.number(execution, "month"));
		Object lines = execution.getVariable("spendByCity");
		try {
			spend.record(region, month, spend.parse(region, lines == null ? "" : lines.toString()));
		}
		catch (IllegalArgumentException ex) {
			throw CompletionRule.invalid("spendByCity", ex.getMessage(), ex.getMessage());
		}
	}

	@Override
	public Set<String> reads() {
		return Set.of("region", "year", "month", "spendByCity");
	}

}
