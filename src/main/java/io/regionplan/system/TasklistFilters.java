package io.regionplan.system;

import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * The shared Tasklist filters. Tasklist shows no task at all without a filter; which
 * tasks a user sees in "all tasks" is still limited by authorizations and regions.
 */
final class TasklistFilters {

	private final FilterService filters;

	private final TaskService tasks;

	TasklistFilters(FilterService filters, TaskService tasks) {
		this.filters = filters;
		this.tasks = tasks;
	}

	void createMissing() {
		create("我的任务 / My tasks", 10, "分配给我的任务 / Tasks assigned to me",
				query().taskAssigneeExpression("${currentUser()}"));
		create("我的组任务 / My group tasks", 20, "我所在组的候选任务 / Tasks for my groups",
				query().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks());
		create("全部任务 / All tasks", 30, "我可以看到的全部任务 / Every task I may see", query());
	}

	private TaskQuery query() {
		return tasks.createTaskQuery();
	}

	private void create(String name, int priority, String description, TaskQuery query) {
		if (filters.createFilterQuery().filterName(name).count() > 0) {
			return;
		}
		Filter filter = filters.newTaskFilter(name)
			.setQuery(query)
			.setProperties(Map.of("priority", priority, "description", description, "refresh", true));
		filters.saveFilter(filter);
	}

}
