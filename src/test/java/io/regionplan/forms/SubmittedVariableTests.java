package io.regionplan.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import org.junit.jupiter.api.Test;

/**
 * One variable of a completion or start as the REST API receives it, against the form,
 * read as {@link CompletionVariablesFilter} reads it (floats as exact decimals).
 */
class SubmittedVariableTests {

	private static final ObjectReader JSON = new ObjectMapper().reader()
		.with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

	private static final FormSchema FORM = FormSchemaTests.parse("""
			{'id': 'review-plan', 'components': [
			  {'key': 'comment', 'type': 'textfield', 'label': 'Comment'},
			  {'key': 'notes', 'type': 'textarea'},
			  {'key': 'reps', 'type': 'number'},
			  {'key': 'budget', 'type': 'number', 'decimalDigits': 2},
			  {'key': 'approved', 'type': 'checkbox'},
			  {'key': 'tier', 'type': 'select', 'values': [{'value': 'A'}, {'value': 'B'}]},
			  {'key': 'choice', 'type': 'radio'},
			  {'key': 'due', 'type': 'datetime'},
			  {'key': 'tags', 'type': 'checklist'},
			  {'key': 'gapVolume', 'type': 'number', 'disabled': true},
			  {'key': 'heading', 'type': 'text'}
			]}""");

	private static String refusal(String name, String variable) {
		try {
			JsonNode node = JSON.readTree(variable.replace('\'', '"'));
			return SubmittedVariable.refusal(name, node, FORM, "the task's form");
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException(ex);
		}
	}

	@Test
	void aDisplayOnlyKeyIsRefusedNamingTheForm() {
		assertThat(refusal("gapVolume", "{'value': 12}")).isEqualTo(
				"字段 gapVolume：表单 review-plan 只显示这个值，由系统计算，不能提交 / field 'gapVolume' is only shown on the task's form "
						+ "'review-plan': the server computes it, no completion may set it");
		assertThat(refusal("heading", "{'value': 'x'}")).startsWith("字段 heading：表单 review-plan 只显示这个值");
	}

	@Test
	void anUnknownKeyIsRefusedListingTheFormsFields() {
		JsonNode variable = new ObjectMapper().createObjectNode().put("value", 1);

		assertThat(SubmittedVariable.refusal("gapVolum", variable, FORM, "the start form"))
			.isEqualTo("字段 gapVolum：表单 review-plan 没有这个字段 / field 'gapVolum' is not on the start form 'review-plan' "
					+ "(its fields: [approved, budget, choice, comment, due, notes, reps, tags, tier])");
	}

	@Test
	void javaSerializedAndObjectValuesAreRefused() {
		String refused = "字段 comment：不接受对象或 Java 序列化值 / field 'comment': objects and Java-serialized values are not accepted";

		assertThat(refusal("comment", "{'value': 'rO0AB', 'type': 'Object', 'valueInfo': "
				+ "{'objectTypeName': 'java.util.ArrayList', 'serializationDataFormat': 'application/x-java-serialized-object'}}"))
			.isEqualTo(refused);
		assertThat(refusal("comment", "{'value': 'rO0AB', 'valueInfo': {'serializationDataFormat': 'java'}}"))
			.isEqualTo(refused);
		assertThat(refusal("comment", "{'value': '{}', 'type': 'object'}")).isEqualTo(refused);
		assertThat(refusal("comment", "{'value': '{}', 'type': 'OBJECT', 'valueInfo': {}}")).isEqualTo(refused);
		assertThat(refusal("comment",
				"{'value': 'a', 'type': 'String', 'valueInfo': {'serializationDataFormat': 'application/json'}}"))
			.isNull();
	}

	@Test
	void eachFieldTypeTakesItsOwnDeclaredTypesInAnyCase() {
		assertThat(refusal("reps", "{'value': 1, 'type': 'Integer'}")).isNull();
		assertThat(refusal("reps", "{'value': 1, 'type': 'long'}")).isNull();
		assertThat(refusal("reps", "{'value': 1, 'type': 'Short'}")).isNull();
		assertThat(refusal("budget", "{'value': 1.5, 'type': 'Double'}")).isNull();
		assertThat(refusal("approved", "{'value': true, 'type': 'Boolean'}")).isNull();
		assertThat(refusal("due", "{'value': '2026-11-16', 'type': 'Date'}")).isNull();
		assertThat(refusal("due", "{'value': '2026-11-16', 'type': 'String'}")).isNull();
		for (String text : new String[] { "comment", "notes", "tier", "choice" }) {
			assertThat(refusal(text, "{'value': 'A', 'type': 'String'}")).isNull();
			assertThat(refusal(text, "{'value': 'A'}")).isNull();
		}
	}

	@Test
	void aDeclaredTypeThatDoesNotFitTheFieldIsRefused() {
		assertThat(refusal("reps", "{'value': '3', 'type': 'String'}"))
			.isEqualTo("字段 reps：不能是 String 类型 / field 'reps': a value of type String does not fit a number field");
		assertThat(refusal("approved", "{'value': 1, 'type': 'Integer'}")).isEqualTo(
				"字段 approved：不能是 Integer 类型 / field 'approved': a value of type Integer does not fit a checkbox field");
		assertThat(refusal("due", "{'value': 1, 'type': 'Long'}"))
			.isEqualTo("字段 due：不能是 Long 类型 / field 'due': a value of type Long does not fit a datetime field");
		assertThat(refusal("comment", "{'value': 'a', 'type': 'Json'}"))
			.isEqualTo("字段 comment：不能是 Json 类型 / field 'comment': a value of type Json does not fit a textfield field");
		assertThat(refusal("notes", "{'value': 'a', 'type': 'Bytes'}")).startsWith("字段 notes：不能是 Bytes 类型");
		assertThat(refusal("tier", "{'value': true, 'type': 'Boolean'}")).startsWith("字段 tier：不能是 Boolean 类型");
		assertThat(refusal("choice", "{'value': 1, 'type': 'Double'}")).startsWith("字段 choice：不能是 Double 类型");
	}

	/**
	 * Every input type has its list of value types: a checklist takes a Json list only.
	 */
	@Test
	void aChecklistTakesAJsonListOnly() {
		assertThat(refusal("tags", "{'value': '[\\'a\\']', 'type': 'Json'}")).isNull();
		assertThat(refusal("tags", "{'value': 3}"))
			.isEqualTo("字段 tags：不能是  类型 / field 'tags': a value of type  does not fit a checklist field");
		assertThat(refusal("tags", "{'value': '[\\'a\\']', 'type': 'String'}")).startsWith("字段 tags：不能是 String 类型");
	}

	@Test
	void aNullOrMissingValueIsLeftToTheFormsRequiredCheck() {
		assertThat(refusal("reps", "{'value': null, 'type': 'Integer'}")).isNull();
		assertThat(refusal("comment", "{'type': 'String'}")).isNull();
		assertThat(refusal("approved", "{'value': null, 'type': 'Boolean'}")).isNull();
		assertThat(refusal("budget", "{}")).isNull();
	}

	@Test
	void aWholeNumberFitsAFieldWithoutDecimalDigits() {
		assertThat(refusal("reps", "{'value': 12}")).isNull();
		assertThat(refusal("reps", "{'value': -12}")).isNull();
		assertThat(refusal("reps", "{'value': 12.000}")).isNull();
	}

	@Test
	void aDecimalInAWholeNumberFieldIsRefusedAsSent() {
		assertThat(refusal("reps", "{'value': 2.5}"))
			.isEqualTo("字段 reps：必须是整数，收到 2.5 / field 'reps' must be a whole number, got 2.5");
		assertThat(refusal("reps", "{'value': 0.15, 'type': 'Double'}"))
			.isEqualTo("字段 reps：必须是整数，收到 0.15 / field 'reps' must be a whole number, got 0.15");
	}

	@Test
	void decimalsBeyondDecimalDigitsAreRefusedNotRounded() {
		assertThat(refusal("budget", "{'value': 1.25}")).isNull();
		assertThat(refusal("budget", "{'value': 1.250}")).isNull();
		assertThat(refusal("budget", "{'value': 1.251}"))
			.isEqualTo("字段 budget：最多 2 位小数，收到 1.251 / field 'budget' must have at most 2 decimal places, got 1.251");
		assertThat(refusal("budget", "{'value': '1.251', 'type': 'Double'}"))
			.isEqualTo("字段 budget：最多 2 位小数，收到 1.251 / field 'budget' must have at most 2 decimal places, got 1.251");
	}

	@Test
	void aNumberSentAsTextIsReadWhenItsTypeIsDeclared() {
		assertThat(refusal("reps", "{'value': '12', 'type': 'Integer'}")).isNull();
		assertThat(refusal("reps", "{'value': '-12', 'type': 'Long'}")).isNull();
		assertThat(refusal("budget", "{'value': '12.25', 'type': 'Double'}")).isNull();
		assertThat(refusal("budget", "{'value': '-12', 'type': 'Double'}")).isNull();
		assertThat(refusal("reps", "{'value': '2.5', 'type': 'Double'}"))
			.isEqualTo("字段 reps：必须是整数，收到 2.5 / field 'reps' must be a whole number, got 2.5");
		assertThat(refusal("reps", "{'value': '40000', 'type': 'Short'}"))
			.isEqualTo("字段 reps：值 40000 无法按 short 准确保存 / field 'reps': value 40000 cannot be stored exactly as short");
	}

	@Test
	void textThatIsNotANumberOfItsDeclaredTypeIsRefused() {
		assertThat(refusal("reps", "{'value': '12.5', 'type': 'Integer'}"))
			.isEqualTo("字段 reps：值 \"12.5\" 不是 Integer / field 'reps': value \"12.5\" is not a Integer");
		assertThat(refusal("budget", "{'value': '1e3', 'type': 'Double'}"))
			.isEqualTo("字段 budget：值 \"1e3\" 不是 Double / field 'budget': value \"1e3\" is not a Double");
		assertThat(refusal("reps", "{'value': '12345678901234567890', 'type': 'Long'}"))
			.isEqualTo("字段 reps：值 \"12345678901234567890\" 不是 Long / field 'reps': value \"12345678901234567890\" "
					+ "is not a Long");
		assertThat(refusal("reps", "{'value': '1234567890123456789', 'type': 'Long'}")).isNull();
		assertThat(refusal("budget", "{'value': ' 12', 'type': 'Double'}")).startsWith("字段 budget：值 \" 12\" 不是 Double");
		assertThat(refusal("budget", "{'value': '12.', 'type': 'Double'}")).startsWith("字段 budget：值 \"12.\" 不是 Double");
	}

	@Test
	void aDecimalDeclaredAsAWholeNumberTypeIsRefused() {
		assertThat(refusal("budget", "{'value': 2.5, 'type': 'Integer'}"))
			.isEqualTo("字段 budget：值 2.5 不是 Integer / field 'budget': value 2.5 is not a Integer");
		assertThat(refusal("budget", "{'value': -7.25, 'type': 'long'}"))
			.isEqualTo("字段 budget：值 -7.25 不是 long / field 'budget': value -7.25 is not a long");
	}

	@Test
	void anythingButANumberOrTextWithoutADeclaredTypeIsNotANumber() {
		assertThat(refusal("reps", "{'value': true}"))
			.isEqualTo("字段 reps：必须是数字，收到 true / field 'reps': must be a number, got true");
		assertThat(refusal("reps", "{'value': [1]}"))
			.isEqualTo("字段 reps：必须是数字，收到 [1] / field 'reps': must be a number, got [1]");
		assertThat(refusal("reps", "{'value': true, 'type': 'Integer'}"))
			.isEqualTo("字段 reps：值 true 不是 Integer / field 'reps': value true is not a Integer");
	}

	@Test
	void textInANumberFieldWithoutADeclaredTypeIsLeftToTheFormsCheck() {
		assertThat(refusal("reps", "{'value': 'twelve'}")).isNull();
		assertThat(refusal("reps", "{'value': '2.5'}")).isNull();
	}

	@Test
	void anIntegerTakesExactlyItsRange() {
		assertThat(refusal("reps", "{'value': 2147483647, 'type': 'Integer'}")).isNull();
		assertThat(refusal("reps", "{'value': -2147483648, 'type': 'Integer'}")).isNull();
		assertThat(refusal("reps", "{'value': 2147483648, 'type': 'Integer'}")).isEqualTo(
				"字段 reps：值 2147483648 无法按 integer 准确保存 / field 'reps': value 2147483648 cannot be stored exactly as integer");
		assertThat(refusal("reps", "{'value': -2147483649, 'type': 'integer'}")).isEqualTo(
				"字段 reps：值 -2147483649 无法按 integer 准确保存 / field 'reps': value -2147483649 cannot be stored exactly as integer");
	}

	@Test
	void aShortTakesExactlyItsRange() {
		assertThat(refusal("reps", "{'value': 32767, 'type': 'Short'}")).isNull();
		assertThat(refusal("reps", "{'value': -32768, 'type': 'Short'}")).isNull();
		assertThat(refusal("reps", "{'value': 32768, 'type': 'Short'}"))
			.isEqualTo("字段 reps：值 32768 无法按 short 准确保存 / field 'reps': value 32768 cannot be stored exactly as short");
		assertThat(refusal("reps", "{'value': -32769, 'type': 'Short'}")).isEqualTo(
				"字段 reps：值 -32769 无法按 short 准确保存 / field 'reps': value -32769 cannot be stored exactly as short");
	}

	@Test
	void aLongTakesExactlyItsRangeAndIsTheStoreOfAWholeNumberWithoutType() {
		assertThat(refusal("reps", "{'value': 9223372036854775807, 'type': 'Long'}")).isNull();
		assertThat(refusal("reps", "{'value': -9223372036854775808, 'type': 'Long'}")).isNull();
		assertThat(refusal("reps", "{'value': 9223372036854775807}")).isNull();
		assertThat(refusal("reps", "{'value': 9223372036854775808, 'type': 'Long'}"))
			.isEqualTo("字段 reps：值 9223372036854775808 无法按 long 准确保存 / field 'reps': value 9223372036854775808 "
					+ "cannot be stored exactly as long");
		assertThat(refusal("reps", "{'value': -9223372036854775809}"))
			.isEqualTo("字段 reps：值 -9223372036854775809 无法按 long 准确保存 / field 'reps': value -9223372036854775809 "
					+ "cannot be stored exactly as long");
	}

	@Test
	void aDecimalWithoutTypeIsStoredAsADoubleOnlyWhenExact() {
		assertThat(refusal("budget", "{'value': 0.1}")).isNull();
		assertThat(refusal("budget", "{'value': 12345678.91}")).isNull();
		assertThat(refusal("budget", "{'value': 12345678901234567.89}"))
			.isEqualTo("字段 budget：值 12345678901234567.89 无法按 double 准确保存 / field 'budget': value 12345678901234567.89 "
					+ "cannot be stored exactly as double");
	}

	@Test
	void aWholeNumberDeclaredDoubleMustBeExactAsADouble() {
		assertThat(refusal("reps", "{'value': 9007199254740992, 'type': 'Double'}")).isNull();
		assertThat(refusal("reps", "{'value': 9007199254740993, 'type': 'Double'}"))
			.isEqualTo("字段 reps：值 9007199254740993 无法按 double 准确保存 / field 'reps': value 9007199254740993 "
					+ "cannot be stored exactly as double");
	}

	@Test
	void aNumberBeyondTheDoubleRangeIsRefused() {
		assertThat(refusal("budget", "{'value': 1e400}")).startsWith("字段 budget：值 1000000000")
			.endsWith("cannot be stored exactly as double");
	}

	@Test
	void aTextFieldGivenAnythingButTextIsRefused() {
		assertThat(refusal("comment", "{'value': 12}"))
			.isEqualTo("字段 comment：必须是文本，收到 12 / field 'comment': must be text, got 12");
		assertThat(refusal("notes", "{'value': {'a': 1}}"))
			.isEqualTo("字段 notes：必须是文本，收到 {\"a\":1} / field 'notes': must be text, got {\"a\":1}");
		assertThat(refusal("tier", "{'value': true}"))
			.isEqualTo("字段 tier：必须是文本，收到 true / field 'tier': must be text, got true");
		assertThat(refusal("choice", "{'value': 1.5}"))
			.isEqualTo("字段 choice：必须是文本，收到 1.5 / field 'choice': must be text, got 1.5");
	}

	@Test
	void aDateFieldTakesTextOrADateLeftToTheFormsCheck() {
		assertThat(refusal("due", "{'value': 20261116}")).isNull();
		assertThat(refusal("due", "{'value': 'tomorrow'}")).isNull();
	}

	@Test
	void aBooleanIsTrueOrFalseAsJsonOrText() {
		assertThat(refusal("approved", "{'value': true, 'type': 'Boolean'}")).isNull();
		assertThat(refusal("approved", "{'value': false, 'type': 'boolean'}")).isNull();
		assertThat(refusal("approved", "{'value': 'true', 'type': 'Boolean'}")).isNull();
		assertThat(refusal("approved", "{'value': 'false', 'type': 'Boolean'}")).isNull();
		assertThat(refusal("approved", "{'value': 'yes', 'type': 'Boolean'}"))
			.isEqualTo("字段 approved：值 \"yes\" 不是 Boolean / field 'approved': value \"yes\" is not a Boolean");
		assertThat(refusal("approved", "{'value': 1, 'type': 'boolean'}"))
			.isEqualTo("字段 approved：值 1 不是 boolean / field 'approved': value 1 is not a boolean");
		assertThat(refusal("approved", "{'value': 'TRUE', 'type': 'Boolean'}")).startsWith("字段 approved：值 \"TRUE\"");
	}

	@Test
	void aCheckboxWithoutDeclaredTypeIsLeftToTheFormsCheck() {
		assertThat(refusal("approved", "{'value': 'yes'}")).isNull();
		assertThat(refusal("approved", "{'value': 1}")).isNull();
	}

}
