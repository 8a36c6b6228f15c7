package io.regionplan.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.regionplan.forms.FormSchema.Field;

import org.junit.jupiter.api.Test;

/**
 * How a form-js file is read on the server (no Spring, no engine): the fields a person
 * fills in with what they validate, and the keys the form only shows.
 */
class FormSchemaTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	static FormSchema parse(String json) {
		try {
			return FormSchema.parse(JSON.readTree(json.replace('\'', '"')));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException(ex);
		}
	}

	private static Field field(String key, String type, int decimalDigits) {
		return new Field(key, key, type, false, null, null, null, List.of(), decimalDigits);
	}

	@Test
	void anInputFieldIsReadWithEverythingItValidates() {
		FormSchema form = parse("""
				{'id': 'gap-closing-plan', 'components': [
				  {'key': 'budget', 'type': 'number', 'label': '预算 / Budget', 'decimalDigits': 2,
				   'validate': {'required': true, 'min': -1.5, 'max': 100000, 'maxLength': 12}}
				]}""");

		assertThat(form.id()).isEqualTo("gap-closing-plan");
		assertThat(form.shown()).isEmpty();
		assertThat(form.fields()).containsExactly(new Field("budget", "预算 / Budget", "number", true,
				new BigDecimal("-1.5"), new BigDecimal("100000"), 12, List.of(), 2));
	}

	@Test
	void aFieldWithoutValidationIsOptionalUnboundedAndTakesWholeNumbers() {
		FormSchema form = parse("{'components': [{'key': 'reps', 'type': 'number'}]}");

		assertThat(form.id()).isEmpty();
		assertThat(form.fields())
			.containsExactly(new Field("reps", "reps", "number", false, null, null, null, List.of(), 0));
	}

	@Test
	void aNullMinOrMaxIsNoBound() {
		FormSchema form = parse("{'components': [{'key': 'reps', 'type': 'number', 'label': 'Reps', "
				+ "'validate': {'min': null, 'max': '7', 'required': false}}]}");

		Field reps = form.field("reps").orElseThrow();
		assertThat(reps.min()).isNull();
		assertThat(reps.max()).isEqualByComparingTo("7");
		assertThat(reps.required()).isFalse();
		assertThat(reps.label()).isEqualTo("Reps");
	}

	@Test
	void theOptionsOfASelectAreItsValuesInOrder() {
		FormSchema form = parse(
				"""
						{'components': [{'key': 'tier', 'type': 'select', 'label': 'Tier', 'values': [
						  {'label': 'Core', 'value': 'A'}, {'label': 'Growth', 'value': 'B'}, {'label': 'Watch', 'value': 'D'}]}]}""");

		assertThat(form.field("tier").orElseThrow().values()).containsExactly("A", "B", "D");
	}

	@Test
	void disabledReadOnlyAndNonInputComponentsAreOnlyShown() {
		FormSchema form = parse("""
				{'id': 'f', 'components': [
				  {'key': 'gapVolume', 'type': 'textfield', 'disabled': true},
				  {'key': 'hqTarget', 'type': 'number', 'readonly': true},
				  {'key': 'chart', 'type': 'image'},
				  {'key': 'comment', 'type': 'textarea', 'disabled': false, 'readonly': false},
				  {'type': 'text', 'text': 'no key: neither shown nor filled in'},
				  {'key': null, 'type': 'textfield'}
				]}""");

		assertThat(form.shown()).containsExactlyInAnyOrder("gapVolume", "hqTarget", "chart");
		assertThat(form.keys()).containsExactly("comment");
		assertThat(form.field("gapVolume")).isEmpty();
	}

	@Test
	void everyInputTypeOfFormJsIsAField() {
		FormSchema form = parse("""
				{'components': [
				  {'key': 'a', 'type': 'textfield'}, {'key': 'b', 'type': 'textarea'}, {'key': 'c', 'type': 'number'},
				  {'key': 'd', 'type': 'select'}, {'key': 'e', 'type': 'radio'}, {'key': 'f', 'type': 'checkbox'},
				  {'key': 'g', 'type': 'datetime'}, {'key': 'h', 'type': 'checklist'}, {'key': 'i', 'type': 'taglist'},
				  {'key': 'j', 'type': 'button'}, {'key': 'k', 'type': 'html'}
				]}""");

		assertThat(form.keys()).containsExactly("a", "b", "c", "d", "e", "f", "g", "h", "i");
		assertThat(form.shown()).containsExactlyInAnyOrder("j", "k");
	}

	@Test
	void fieldsInsideGroupsAtAnyDepthAreRead() {
		FormSchema form = parse("""
				{'components': [
				  {'type': 'group', 'key': 'sources', 'components': [
				    {'key': 'newDealers', 'type': 'number'},
				    {'type': 'dynamiclist', 'components': [{'key': 'city', 'type': 'textfield', 'readonly': true},
				      {'key': 'volume', 'type': 'number'}]}
				  ]},
				  {'key': 'reason', 'type': 'textarea'}
				]}""");

		assertThat(form.fields()).extracting(Field::key).containsExactly("newDealers", "volume", "reason");
		assertThat(form.shown()).containsExactlyInAnyOrder("sources", "city");
	}

	@Test
	void keysAreSortedAndAFieldIsFoundByItsKey() {
		FormSchema form = parse("""
				{'components': [{'key': 'zeta', 'type': 'textfield'}, {'key': 'alpha', 'type': 'number'},
				  {'key': 'mu', 'type': 'checkbox'}]}""");

		assertThat(form.keys()).containsExactly("alpha", "mu", "zeta");
		assertThat(form.field("mu").orElseThrow().type()).isEqualTo("checkbox");
		assertThat(form.field("nu")).isEmpty();
	}

	@Test
	void aFieldWithoutDecimalDigitsTakesWholeNumbersOnly() {
		Field reps = field("reps", "number", 0);

		assertThat(reps.takes(new BigDecimal("3"))).isTrue();
		assertThat(reps.takes(new BigDecimal("3.000"))).isTrue();
		assertThat(reps.takes(new BigDecimal("1E+3"))).isTrue();
		assertThat(reps.takes(new BigDecimal("-40"))).isTrue();
		assertThat(reps.takes(new BigDecimal("2.5"))).isFalse();
		assertThat(reps.takes(new BigDecimal("0.01"))).isFalse();
	}

	@Test
	void aFieldWithDecimalDigitsTakesUpToThatManyDecimalPlaces() {
		Field budget = field("budget", "number", 2);

		assertThat(budget.takes(new BigDecimal("1.23"))).isTrue();
		assertThat(budget.takes(new BigDecimal("1.2"))).isTrue();
		assertThat(budget.takes(new BigDecimal("1.2300"))).isTrue();
		assertThat(budget.takes(new BigDecimal("1.234"))).isFalse();
	}

	@Test
	void theDecimalsAreNamedInBothLanguages() {
		assertThat(field("reps", "number", 0).decimalsZh()).isEqualTo("必须是整数");
		assertThat(field("reps", "number", 0).decimalsEn()).isEqualTo("must be a whole number");
		assertThat(field("budget", "number", 2).decimalsZh()).isEqualTo("最多 2 位小数");
		assertThat(field("budget", "number", 2).decimalsEn()).isEqualTo("must have at most 2 decimal places");
		assertThat(field("share", "number", 1).decimalsEn()).isEqualTo("must have at most 1 decimal places");
	}

}
