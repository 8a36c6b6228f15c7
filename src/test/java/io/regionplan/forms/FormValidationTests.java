package io.regionplan.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.regionplan.system.InputLimits;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.BaseDelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateListener;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceManager;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * The server's check of a completion or start against the task's deployed form, with the
 * engine's objects stood in by mocks (no engine, no Spring): the form is read from a
 * stand-in resource manager of the command context.
 */
class FormValidationTests {

	private static final String FORM = """
			{"id": "review", "components": [
			  {"key": "reps", "type": "number", "label": "Reps", "validate": {"required": true, "min": 0, "max": 100}},
			  {"key": "budget", "type": "number", "label": "Budget", "decimalDigits": 2},
			  {"key": "comment", "type": "textfield", "label": "Comment", "validate": {"maxLength": 5}},
			  {"key": "notes", "type": "textarea", "label": "Notes"},
			  {"key": "tier", "type": "select", "label": "Tier", "values": [{"value": "A"}, {"value": "B"}]},
			  {"key": "choice", "type": "radio", "label": "Choice"},
			  {"key": "agree", "type": "checkbox", "label": "Agree", "validate": {"required": true}},
			  {"key": "urgent", "type": "checkbox", "label": "Urgent"},
			  {"key": "due", "type": "datetime", "label": "Due"},
			  {"key": "tags", "type": "taglist", "label": "Tags", "values": [{"value": "a"}, {"value": "b"}]},
			  {"key": "renew", "type": "checklist", "label": "Renew", "valuesKey": "storeOptions"},
			  {"key": "gap", "type": "number", "label": "Gap", "disabled": true},
			  {"path": "overrides", "type": "dynamiclist", "label": "Overrides", "components": [
			    {"key": "city", "type": "select", "label": "City", "valuesKey": "cityOptions", "validate": {"required": true}},
			    {"key": "reason", "type": "textarea", "label": "Reason", "validate": {"required": true, "maxLength": 10}}
			  ]}
			]}""";

	private final CompletionRule rule = mock(CompletionRule.class);

	private final ResourceManager resources = mock(ResourceManager.class);

	private final Map<String, Object> variables = new HashMap<>();

	private FormValidation validation;

	@BeforeEach
	void standIns() {
		when(rule.taskIds()).thenReturn(Set.of("reviewTask", "otherTask"));
		when(rule.ownVariables()).thenReturn(Set.of("overrideCity", "overrideReason"));
		validation = new FormValidation(List.of(rule), new ObjectMapper(), new InputLimits(DataSize.ofMegabytes(1), 8));
		CommandContext context = mock(CommandContext.class);
		when(context.getResourceManager()).thenReturn(resources);
		deploy("deployment-1", "forms/review.form", FORM);
		Context.setCommandContext(context);
		variables.put("reps", 3L);
		variables.put("agree", true);
	}

	@AfterEach
	void leaveTheCommandContext() {
		Context.removeCommandContext();
	}

	private void deploy(String deploymentId, String name, String text) {
		ResourceEntity resource = new ResourceEntity();
		resource.setName(name);
		resource.setBytes(text.getBytes(StandardCharsets.UTF_8));
		when(resources.findResourceByDeploymentIdAndResourceName(deploymentId, name)).thenReturn(resource);
	}

	/** A task of the given definition, whose variables are {@link #variables}. */
	private final class StandInTask extends TaskEntity {

		private final String key;

		private final ProcessDefinitionEntity definition = new ProcessDefinitionEntity();

		private final StandInExecution execution = new StandInExecution(null);

		StandInTask(String key, String deploymentId) {
			this.key = key;
			this.definition.setDeploymentId(deploymentId);
		}

		@Override
		public Object getVariable(String name) {
			return variables.get(name);
		}

		@Override
		public void setVariable(String name, Object value) {
			variables.put(name, value);
		}

		@Override
		public ProcessDefinitionEntity getProcessDefinition() {
			return definition;
		}

		@Override
		public String getTaskDefinitionKey() {
			return key;
		}

		@Override
		public ExecutionEntity getExecution() {
			return execution;
		}

	}

	/** A process start of the given deployment whose variables are {@link #variables}. */
	private final class StandInExecution extends ExecutionEntity {

		private final ProcessDefinitionEntity definition = new ProcessDefinitionEntity();

		private final List<String> removed = new ArrayList<>();

		StandInExecution(String deploymentId) {
			this.definition.setDeploymentId(deploymentId);
		}

		@Override
		public Object getVariable(String name) {
			return variables.get(name);
		}

		@Override
		public void removeVariable(String name) {
			removed.add(name);
		}

		@Override
		public ProcessDefinitionEntity getProcessDefinition() {
			return definition;
		}

	}

	private StandInTask task(String taskKey, String deploymentId) {
		return new StandInTask(taskKey, deploymentId);
	}

	private StandInTask task() {
		return task("reviewTask", "deployment-1");
	}

	private StandInExecution start(String deploymentId) {
		return new StandInExecution(deploymentId);
	}

	private void refused(String field, String message) {
		assertThatThrownBy(() -> validation.check(task(), "review"))
			.isInstanceOfSatisfying(FormValidationException.class, ex -> assertThat(ex.field()).isEqualTo(field))
			.hasMessage(message);
	}

	private void accepted() {
		assertThatCode(() -> validation.check(task(), "review")).doesNotThrowAnyException();
	}

	@Test
	void aCompleteValidCompletionPassesAndRunsTheTasksRules() {
		variables.putAll(Map.of("budget", 12.25, "comment", "ok", "notes", "fine", "tier", "B", "choice", "x", "urgent",
				false, "tags", "[\"a\"]"));
		DelegateTask task = task();

		validation.check(task, "review");

		verify(rule).check(task);
	}

	@Test
	void eachRowOfADynamicListIsCheckedAgainstTheListsFieldsAndTheOptionsOffered() {
		variables.put("cityOptions",
				"[{\"label\": \"温州\", \"value\": \"wenzhou\"}, {\"label\": \"杭州\", \"value\": \"hangzhou\"}]");
		variables.put("overrides",
				"[{\"city\": \"wenzhou\", \"reason\": \"新经销商\"}, {\"city\": \"hangzhou\", \"reason\": \"守住\"}]");
		validation.check(task(), "review");

		Map<String, String> refused = Map.of("[{\"city\": \"wenzhou\", \"reason\": \"x\"}, {\"reason\": \"x\"}]",
				"字段 overrides[2].city（City）必填 / field 'overrides[2].city' (City) is required",
				"[{\"city\": \"atlantis\", \"reason\": \"x\"}]",
				"字段 overrides[1].city（City）不是可选的一项 / field 'overrides[1].city' (City) is not one of the options offered",
				"[{\"city\": \"wenzhou\", \"reason\": \"12345678901\"}]",
				"字段 overrides[1].reason（Reason）最多 10 个字符 / field 'overrides[1].reason' (Reason) must be at most 10 characters",
				"[{\"city\": \"wenzhou\", \"reason\": \"x\", \"tier\": \"A\"}]",
				"字段 overrides[1].tier（Overrides）不是这个列表的字段 / field 'overrides[1].tier' (Overrides) is not a field of this list",
				"{\"city\": \"wenzhou\"}",
				"字段 overrides（Overrides）必须是最多 200 行的列表 / field 'overrides' (Overrides) must be a list of at most 200 rows");
		refused.forEach((rows, message) -> {
			variables.put("overrides", rows);
			assertThatThrownBy(() -> validation.check(task(), "review")).as(rows)
				.isInstanceOf(FormValidationException.class)
				.hasMessage(message);
		});
		verify(rule).check(any());
	}

	@Test
	void aChecklistOrTaglistTakesOnlyTheOptionsOfferedEachOnce() {
		variables.put("storeOptions",
				"[{\"label\": \"观前街店\", \"value\": \"S-1\"}, {\"label\": \"新街口店\", \"value\": \"S-2\"}]");
		variables.put("renew", "[\"S-2\", \"S-1\"]");
		variables.put("tags", "[]");
		accepted();

		Map<String, String> refused = new java.util.LinkedHashMap<>();
		refused.put("[\"S-1\", \"S-9\"]",
				"字段 renew[2]（Renew）不是可选的一项 / field 'renew[2]' (Renew) is not one of the options offered");
		refused.put("[\"S-1\", \"S-1\"]", "字段 renew[2]（Renew）重复勾选 / field 'renew[2]' (Renew) is ticked twice");
		refused.put("[1]", "字段 renew[1]（Renew）不是可选的一项 / field 'renew[1]' (Renew) is not one of the options offered");
		refused.put("S-1",
				"字段 renew（Renew）必须是最多 200 项的列表 / field 'renew' (Renew) must be a list of at most 200 options");
		refused.put("[" + "\"S-1\",".repeat(200) + "\"S-1\"]",
				"字段 renew（Renew）必须是最多 200 项的列表 / field 'renew' (Renew) must be a list of at most 200 options");
		refused.forEach((ticked, message) -> {
			variables.put("renew", ticked);
			assertThatThrownBy(() -> validation.check(task(), "review")).as(ticked)
				.isInstanceOf(FormValidationException.class)
				.hasMessage(message);
		});
		variables.put("renew", "[]");
		variables.put("tags", "[\"c\"]");
		refused("tags[1]", "字段 tags[1]（Tags）不是可选的一项 / field 'tags[1]' (Tags) is not one of the options offered");
	}

	@Test
	void aTaskWithoutRulesIsCheckedAgainstItsFormOnly() {
		DelegateTask task = task("someOtherTask", "deployment-1");
		validation.check(task, "review");

		verify(rule, never()).check(any());
	}

	@Test
	void aRuleRunsOnlyAfterTheFormAccepted() {
		variables.remove("reps");
		DelegateTask task = task();

		assertThatThrownBy(() -> validation.check(task, "review")).isInstanceOf(FormValidationException.class);
		verify(rule, never()).check(any());
	}

	@Test
	void aRulesRefusalNamesTheFieldInBothLanguages() {
		FormValidationException refusal = CompletionRule.invalid("newDealersVolume", "来源合计小于缺口",
				"the sources add up to less than the gap");

		assertThat(refusal.field()).isEqualTo("newDealersVolume");
		assertThat(refusal).hasMessage("字段 newDealersVolume：来源合计小于缺口 / field 'newDealersVolume': the sources add up "
				+ "to less than the gap");
	}

	@Test
	void aMissingRequiredFieldIsRefusedNamingItAndItsLabel() {
		variables.remove("reps");

		refused("reps", "字段 reps（Reps）必填 / field 'reps' (Reps) is required");
	}

	@Test
	void blankTextCountsAsMissing() {
		variables.put("reps", "  ");

		refused("reps", "字段 reps（Reps）必填 / field 'reps' (Reps) is required");
	}

	@Test
	void aRequiredCheckboxMustBeTicked() {
		variables.put("agree", false);

		refused("agree", "字段 agree（Agree）必填 / field 'agree' (Agree) is required");
	}

	@Test
	void anOptionalFieldMayBeLeftEmptyOrUnticked() {
		variables.put("urgent", false);
		variables.put("comment", "");
		variables.put("budget", null);

		accepted();
	}

	@Test
	void aNumberFieldRefusesWhatIsNoNumber() {
		variables.put("reps", "12");

		refused("reps", "字段 reps（Reps）必须是数字，收到 12 / field 'reps' (Reps) must be a number, got '12'");
	}

	@Test
	void aNumberFieldRefusesInfiniteAndNotANumber() {
		variables.put("budget", Double.NaN);
		refused("budget", "字段 budget（Budget）必须是数字，收到 NaN / field 'budget' (Budget) must be a number, got 'NaN'");

		variables.put("budget", Double.POSITIVE_INFINITY);
		refused("budget",
				"字段 budget（Budget）必须是数字，收到 Infinity / field 'budget' (Budget) must be a number, got 'Infinity'");

		variables.put("budget", Float.NEGATIVE_INFINITY);
		refused("budget",
				"字段 budget（Budget）必须是数字，收到 -Infinity / field 'budget' (Budget) must be a number, got '-Infinity'");
	}

	@Test
	void finiteFloatsAndDoublesAreNumbers() {
		variables.put("budget", 1.5f);
		accepted();
		variables.put("budget", 1.5d);
		accepted();
	}

	@Test
	void aNumberWithMoreDecimalsThanTheFieldTakesIsRefused() {
		variables.put("reps", 2.5);
		refused("reps", "字段 reps（Reps）必须是整数，收到 2.5 / field 'reps' (Reps) must be a whole number, got 2.5");

		variables.put("reps", 2L);
		variables.put("budget", 1.125);
		refused("budget", "字段 budget（Budget）最多 2 位小数，收到 1.125 / field 'budget' (Budget) must have at most 2 decimal "
				+ "places, got 1.125");
	}

	@Test
	void aNumberMustBeWithinMinAndMaxInclusive() {
		variables.put("reps", 0);
		accepted();
		variables.put("reps", 100);
		accepted();

		variables.put("reps", -1);
		refused("reps", "字段 reps（Reps）不能小于 0 / field 'reps' (Reps) must be at least 0");
		variables.put("reps", 101L);
		refused("reps", "字段 reps（Reps）不能大于 100 / field 'reps' (Reps) must be at most 100");
	}

	@Test
	void aTextFieldRefusesWhatIsNoText() {
		variables.put("comment", 12);
		refused("comment", "字段 comment（Comment）必须是文本 / field 'comment' (Comment) must be text");

		variables.remove("comment");
		variables.put("notes", true);
		refused("notes", "字段 notes（Notes）必须是文本 / field 'notes' (Notes) must be text");
	}

	@Test
	void aTextFieldTakesAtMostItsMaxLength() {
		variables.put("comment", "12345");
		accepted();

		variables.put("comment", "123456");
		refused("comment", "字段 comment（Comment）最多 5 个字符 / field 'comment' (Comment) must be at most 5 characters");
	}

	@Test
	void aTextOfSpacesAndInvisibleCharactersIsNotWrittenAndAControlCharacterIsRefused() {
		variables.put("cityOptions", "[{\"label\": \"温州\", \"value\": \"wenzhou\"}]");
		variables.put("overrides", "[{\"city\": \"wenzhou\", \"reason\": \"\u00a0\u200b\u3000\"}]");
		refused("overrides[1].reason",
				"字段 overrides[1].reason（Reason）必填 / field 'overrides[1].reason' (Reason) is required");

		variables.put("overrides", "[{\"city\": \"wenzhou\", \"reason\": \"守住\\n份额\"}]");
		accepted();

		variables.remove("overrides");
		variables.put("comment", "ok\u202e");
		refused("comment", "字段 comment（Comment）第 3 个字符 U+202E 不可用（控制或不可见字符） / field 'comment' (Comment) "
				+ "holds a character that is not allowed at position 3: U+202E (a control or invisible character)");
		variables.put("comment", "a\nb");
		refused("comment", "字段 comment（Comment）第 2 个字符 U+000A 不可用（控制或不可见字符） / field 'comment' (Comment) "
				+ "holds a character that is not allowed at position 2: U+000A (a control or invisible character)");
		variables.put("comment", "\u00a0");
		accepted(); // not required: nothing written is nothing
	}

	@Test
	void aTextFieldWithoutMaxLengthTakesTheConfiguredLimit() {
		variables.put("notes", "12345678");
		accepted();

		variables.put("notes", "123456789");
		refused("notes", "字段 notes（Notes）最多 8 个字符 / field 'notes' (Notes) must be at most 8 characters");
	}

	@Test
	void aSelectTakesOnlyItsOptions() {
		variables.put("tier", "A");
		accepted();

		variables.put("tier", "C");
		refused("tier", "字段 tier（Tier）必须是 [A, B] 之一 / field 'tier' (Tier) must be one of [A, B]");
	}

	@Test
	void aRadioWithoutOptionsTakesAnyValue() {
		variables.put("choice", "anything");
		accepted();
	}

	@Test
	void aCheckboxTakesOnlyBooleans() {
		variables.put("urgent", "yes");

		refused("urgent", "字段 urgent（Urgent）必须是 true 或 false / field 'urgent' (Urgent) must be true or false");
	}

	@Test
	void aDateIsStoredAsTheStartOfThatDay() {
		variables.put("due", " 2026-11-16 ");

		accepted();

		assertThat(variables.get("due"))
			.isEqualTo(Date.from(LocalDate.of(2026, 11, 16).atStartOfDay(ZoneId.systemDefault()).toInstant()));
	}

	@Test
	void aDateAndTimeIsStoredAsThatInstant() {
		variables.put("due", "2026-11-16T09:30:15");

		accepted();

		assertThat(variables.get("due"))
			.isEqualTo(Date.from(LocalDateTime.of(2026, 11, 16, 9, 30, 15).atZone(ZoneId.systemDefault()).toInstant()));
	}

	@Test
	void aDateStaysTheDateItIs() {
		Date due = new Date(1_700_000_000_000L);
		variables.put("due", due);

		accepted();

		assertThat(variables.get("due")).isSameAs(due);
	}

	@Test
	void whatIsNoDateIsRefused() {
		variables.put("due", "16.11.2026");
		refused("due", "字段 due（Due）必须是日期 YYYY-MM-DD / field 'due' (Due) must be a date YYYY-MM-DD, got '16.11.2026'");

		variables.put("due", "2026-13-01");
		refused("due", "字段 due（Due）必须是日期 YYYY-MM-DD / field 'due' (Due) must be a date YYYY-MM-DD, got '2026-13-01'");
	}

	@Test
	void aDisplayFieldIsNotChecked() {
		variables.put("gap", "not a number");

		accepted();
	}

	@Test
	void aFormMissingFromTheDeploymentFailsNamingIt() {
		assertThatThrownBy(() -> validation.check(task("reviewTask", "deployment-2"), "review"))
			.isExactlyInstanceOf(ProcessEngineException.class)
			.hasMessage("表单 forms/review.form 不在部署 deployment-2 中 / form forms/review.form is not in deployment "
					+ "deployment-2");
	}

	@Test
	void aFormThatIsNoJsonFailsNamingIt() {
		deploy("deployment-1", "forms/broken.form", "{\"components\": [");

		assertThatThrownBy(() -> validation.check(task(), "broken")).isExactlyInstanceOf(ProcessEngineException.class)
			.hasMessage("表单 forms/broken.form 不是有效 JSON / form forms/broken.form is not valid JSON")
			.hasCauseInstanceOf(java.io.IOException.class);
	}

	@Test
	void eachDeploymentsFormIsReadOnce() {
		validation.check(task(), "review");
		validation.check(task(), "review");

		verify(resources, times(1)).findResourceByDeploymentIdAndResourceName("deployment-1", "forms/review.form");
	}

	@Test
	void theFormOfTheTasksOwnDeploymentApplies() {
		deploy("deployment-2", "forms/review.form", """
				{"components": [{"key": "reps", "type": "number", "label": "Reps", "validate": {"max": 2}}]}""");

		validation.check(task(), "review");
		assertThatThrownBy(() -> validation.check(task("reviewTask", "deployment-2"), "review"))
			.hasMessage("字段 reps（Reps）不能大于 2 / field 'reps' (Reps) must be at most 2");
	}

	@Test
	void aStartIsCheckedAgainstTheStartForm() {
		variables.remove("reps");

		assertThatThrownBy(() -> validation.check(start("deployment-1"), "review"))
			.isInstanceOf(FormValidationException.class)
			.hasMessage("字段 reps（Reps）必填 / field 'reps' (Reps) is required");
		variables.put("reps", 1);
		validation.check(start("deployment-1"), "review");
	}

	private BpmnParseListener parseListener() {
		ProcessEngineConfigurationImpl configuration = new StandaloneInMemProcessEngineConfiguration();
		BpmnParseListener existing = new AbstractBpmnParseListener() {
		};
		configuration.setCustomPostBPMNParseListeners(List.of(existing));
		validation.preInit(configuration);
		List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners();
		assertThat(listeners).hasSize(2).startsWith(existing);
		return listeners.get(1);
	}

	private static Element element(String formRef) {
		Element element = mock(Element.class);
		when(element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef")).thenReturn(formRef);
		return element;
	}

	private static ActivityImpl activity(String id) {
		return new ActivityImpl(id, new ProcessDefinitionEntity());
	}

	private static TaskDefinition parsedUserTask(BpmnParseListener listener, String formRef) {
		TaskDefinition definition = new TaskDefinition(null);
		ActivityImpl activity = activity("reviewTask");
		activity.setActivityBehavior(new UserTaskActivityBehavior(null, definition));
		listener.parseUserTask(element(formRef), activity("process"), activity);
		return definition;
	}

	@Test
	void anEngineWithoutParseListenersGetsOurs() {
		ProcessEngineConfigurationImpl configuration = new StandaloneInMemProcessEngineConfiguration();
		configuration.setCustomPostBPMNParseListeners(null);

		validation.preInit(configuration);

		assertThat(configuration.getCustomPostBPMNParseListeners()).hasSize(1);
	}

	@Test
	void aUserTaskWithAFormIsCheckedWhenCompletedAgainstItsFormRef() {
		TaskDefinition definition = parsedUserTask(parseListener(), " review ");
		variables.remove("reps");

		List<TaskListener> complete = definition.getBuiltinTaskListenersForEvent(TaskListener.EVENTNAME_COMPLETE);
		assertThat(complete).hasSize(1);
		assertThatThrownBy(() -> complete.get(0).notify(task()))
			.hasMessageContaining("field 'reps' (Reps) is required");
	}

	@Test
	void aUserTaskClearsItsRulesOwnVariablesWhenCreated() {
		TaskDefinition definition = parsedUserTask(parseListener(), "review");
		StandInTask task = task();

		List<TaskListener> create = definition.getBuiltinTaskListenersForEvent(TaskListener.EVENTNAME_CREATE);
		assertThat(create).hasSize(1);
		create.get(0).notify(task);

		assertThat(task.execution.removed).containsExactlyInAnyOrder("overrideCity", "overrideReason");
	}

	@Test
	void aTaskWithoutRulesClearsNothingWhenCreated() {
		TaskDefinition definition = parsedUserTask(parseListener(), "review");
		StandInTask task = task("someOtherTask", "deployment-1");

		definition.getBuiltinTaskListenersForEvent(TaskListener.EVENTNAME_CREATE).get(0).notify(task);

		assertThat(task.execution.removed).isEmpty();
	}

	@Test
	void aUserTaskWithoutFormRefIsLeftAlone() {
		BpmnParseListener listener = parseListener();

		for (String formRef : new String[] { null, "", "  " }) {
			TaskDefinition definition = parsedUserTask(listener, formRef);
			assertThat(definition.getBuiltinTaskListeners()).as("formRef %s", formRef).isEmpty();
		}
	}

	@Test
	void aProcessStartEventWithAFormChecksTheStart() {
		ActivityImpl activity = activity("start");
		parseListener().parseStartEvent(element(" review "), new ProcessDefinitionEntity(), activity);
		List<DelegateListener<? extends BaseDelegateExecution>> listeners = activity
			.getBuiltInListeners(ExecutionListener.EVENTNAME_START);
		assertThat(listeners).hasSize(1);
		variables.remove("reps");

		assertThatThrownBy(() -> ((ExecutionListener) listeners.get(0)).notify(start("deployment-1")))
			.hasMessageContaining("field 'reps' (Reps) is required");
	}

	@Test
	void aStartEventOfASubprocessOrWithoutFormIsLeftAlone() {
		BpmnParseListener listener = parseListener();
		List<ActivityImpl> activities = new ArrayList<>();
		for (String formRef : new String[] { null, " " }) {
			ActivityImpl activity = activity("start");
			listener.parseStartEvent(element(formRef), new ProcessDefinitionEntity(), activity);
			activities.add(activity);
		}
		ActivityImpl inSubprocess = activity("subStart");
		listener.parseStartEvent(element("review"), activity("subprocess"), inSubprocess);
		activities.add(inSubprocess);

		assertThat(activities).allSatisfy(activity -> assertThat(activity.getBuiltInListeners()).isEmpty());
	}

}
