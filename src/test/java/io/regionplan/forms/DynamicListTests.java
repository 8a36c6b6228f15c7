package io.regionplan.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

/**
 * A form's dynamic list (the reviews' overrides): one field, its {@code path}, whose
 * value Tasklist submits as a Json variable holding the text of an array of rows; each
 * row's cells are checked as the list's own fields, and nothing else may be in a row.
 */
class DynamicListTests {

	private static final FormSchema FORM = FormSchemaTests.parse("""
			{'id': 'review-strategy', 'components': [
			  {'key': 'cityStrategySummary', 'type': 'textarea', 'disabled': true},
			  {'path': 'strategyOverrides', 'type': 'dynamiclist', 'label': 'Overrides', 'components': [
			    {'key': 'city', 'type': 'select', 'valuesKey': 'cityOptions', 'validate': {'required': true}},
			    {'key': 'strategy', 'type': 'select', 'values': [{'value': 'BASE_CAMP'}, {'value': 'MAINTAIN'}]},
			    {'key': 'reason', 'type': 'textarea', 'validate': {'required': true, 'maxLength': 20}},
			    {'key': 'weight', 'type': 'number'}
			  ]}
			]}""");

	private static String refusal(Object value, String type) {
		JsonNode variable = new ObjectMapper().createObjectNode()
			.put("type", type)
			.set("value", new ObjectMapper().valueToTree(value));
		return SubmittedVariable.refusal("strategyOverrides", variable, FORM, "the task's form");
	}

	private static String rows(String json) {
		return json.replace('\'', '"');
	}

	@Test
	void theListIsOneFieldWithItsRowsFieldsAndItsCellsAreNotFieldsOfTheForm() {
		FormSchema.Field list = FORM.field("strategyOverrides").orElseThrow();

		assertThat(list.type()).isEqualTo("dynamiclist");
		assertThat(list.items()).extracting(FormSchema.Field::key)
			.containsExactly("city", "strategy", "reason", "weight");
		assertThat(list.item("city").orElseThrow().valuesKey()).isEqualTo("cityOptions");
		assertThat(list.item("strategy").orElseThrow().values()).containsExactly("BASE_CAMP", "MAINTAIN");
		assertThat(FORM.keys()).containsExactly("strategyOverrides");
		assertThat(FORM.field("city")).isEmpty();
	}

	@Test
	void rowsOfTheListsFieldsAreAccepted() {
		assertThat(refusal(rows("[{'city': 'wenzhou', 'strategy': 'MAINTAIN', 'reason': 'x', 'weight': 2}]"), "Json"))
			.isNull();
		assertThat(refusal("[]", "Json")).isNull();
	}

	/**
	 * A list sent as null (Json or not) would read as "no list" and let the server fall
	 * back on what an earlier pass left: refused, [] is how to send none. A checklist is
	 * a Json list too, not text that looks like one.
	 */
	@Test
	void aNullListOrAChecklistAsTextIsRefused() {
		assertThat(refusal(null, "Json")).contains("field 'strategyOverrides': must be a list, [] for none");
		FormSchema checklist = FormSchemaTests.parse("""
				{'id': 'director-plan-approval', 'components': [
				  {'key': 'roiRenewals', 'type': 'checklist', 'valuesKey': 'roiInvestmentOptions'}
				]}""");
		JsonNode asText = new ObjectMapper().createObjectNode().put("type", "String").put("value", "[\"S-1\"]");
		assertThat(SubmittedVariable.refusal("roiRenewals", asText, checklist, "the task's form"))
			.contains("a value of type String does not fit a checklist field");
		JsonNode none = new ObjectMapper().createObjectNode().put("type", "Json").putNull("value");
		assertThat(SubmittedVariable.refusal("roiRenewals", none, checklist, "the task's form"))
			.contains("must be a list, [] for none");
		JsonNode empty = new ObjectMapper().createObjectNode().put("type", "Json").put("value", "[]");
		assertThat(SubmittedVariable.refusal("roiRenewals", empty, checklist, "the task's form")).isNull();
	}

	@Test
	void anythingButJsonRowsOfTheListsFieldsIsRefusedNamingTheRowAndCell() {
		assertThat(refusal(rows("[{'city': 'wenzhou'}]"), "String"))
			.contains("a value of type String does not fit a " + "dynamiclist field");
		assertThat(refusal(List.of(), "Json")).contains("must be the text of a JSON array of rows");
		assertThat(refusal("{'city': 'wenzhou'}".replace('\'', '"'), "Json"))
			.contains("must be the text of a JSON array of rows");
		assertThat(refusal("[1]", "Json")).contains("field 'strategyOverrides[1]': each row must be an object");
		assertThat(refusal(rows("[{'city': 'wenzhou'}, {'city': 'hz', 'priority': 1}]"), "Json"))
			.contains("field 'strategyOverrides[2].priority' is not on the task's form 'strategyOverrides'");
		assertThat(refusal(rows("[{'city': {'id': 'wenzhou'}}]"), "Json"))
			.contains("field 'strategyOverrides[1].city': must be text");
		assertThat(refusal(rows("[{'weight': 2.5}]"), "Json"))
			.contains("field 'strategyOverrides[1].weight' must be a whole number, got 2.5");
		assertThat(refusal("[" + "{},".repeat(FormSchema.MAX_ROWS) + "{}]", "Json"))
			.contains("at most " + FormSchema.MAX_ROWS + " rows, got " + (FormSchema.MAX_ROWS + 1));
	}

	@Test
	void aDynamicListsRowKeysMayRepeatTheFormsKeysButAListIsOneVariable() throws JsonProcessingException {
		FormSchema form = FormSchemaTests.parse("""
				{'id': 'f', 'components': [
				  {'key': 'reason', 'type': 'textarea'},
				  {'path': 'rows', 'type': 'dynamiclist', 'components': [{'key': 'reason', 'type': 'textarea'}]}
				]}""");

		assertThat(form.keys()).containsExactly("reason", "rows");
	}

}
