package io.regionplan.system;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.regionplan.engine.EngineCalls;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * A task completion that lost to another one: two people (or two clicks) completed the
 * same task at once, or the task was completed before this request came. Camunda reports
 * whatever the loser ran into: an optimistic locking failure, a task that does not exist,
 * or (when it read the task before and its execution after the winner's commit) a
 * NullPointerException. A failed completion changed nothing, so when the task has ended
 * meanwhile, someone else ended it: the caller is told so, and by whom, as long as the
 * task is of the caller's regions (otherwise it stays "not found", so nothing leaks).
 */
final class TaskCompletionConflict {

	private static final Pattern COMPLETION = Pattern.compile("(?:^|.*/)task/([^/]+)/(complete|submit-form|resolve)/?");

	private TaskCompletionConflict() {
	}

	/**
	 * The bilingual message of a lost completion, or {@code null} when the failure is not
	 * one.
	 */
	static String message(ProcessEngine engine, String path, Throwable failure) {
		Matcher completion = COMPLETION.matcher(path == null ? "" : path);
		if (!completion.matches()) {
			return null;
		}
		boolean lostLock = causedBy(failure, OptimisticLockingException.class);
		String taskId = completion.group(1);
		Authentication caller = engine.getIdentityService().getCurrentAuthentication();
		HistoricTaskInstance task = EngineCalls.withoutAuthorization(engine,
				() -> engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(taskId).singleResult());
		boolean callersRegion = task != null && caller != null
				&& (task.getTenantId() == null || caller.getTenantIds().contains(task.getTenantId()));
		if (task == null || task.getEndTime() == null || !callersRegion) {
			return lostLock ? "任务 " + taskId + " 正被他人同时处理，请刷新后再看 / task " + taskId
					+ " was changed by someone else at the same time: reload it" : null;
		}
		if (!"completed".equals(task.getDeleteReason())) {
			return "任务 " + taskId + "（" + task.getName() + "）已结束，未完成 / task " + taskId
					+ " has ended without being completed (" + task.getDeleteReason()
					+ "); your completion was not applied";
		}
		String winner = completer(engine, task);
		return "任务 " + taskId + "（" + task.getName() + "）已由 " + winner + " 完成，你的提交未生效 / task " + taskId
				+ " was already completed by " + winner + "; your completion was not applied";
	}

	private static String completer(ProcessEngine engine, HistoricTaskInstance task) {
		List<UserOperationLogEntry> completions = EngineCalls.withoutAuthorization(engine,
				() -> engine.getHistoryService()
					.createUserOperationLogQuery()
					.taskId(task.getId())
					.operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE)
					.list());
		if (!completions.isEmpty() && completions.get(0).getUserId() != null) {
			return completions.get(0).getUserId();
		}
		return task.getAssignee() != null ? task.getAssignee() : "另一用户 / another user";
	}

	private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

}
