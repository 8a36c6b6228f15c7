package io.regionplan.system;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.ReflectionUtils;

/**
 * Two holes in Camunda's checks for a user who may work a task (TASK_WORK) but not assign
 * it:
 * <ul>
 * <li>a claim names any user, so a candidate could claim a task <em>for somebody
 * else</em> (even a manager of another region): claiming for another user needs the
 * assign permission, as {@code setAssignee} does;</li>
 * <li>adding a comment checks nothing, so an auditor (or another region's manager) could
 * write on any task or instance by id: a comment needs TASK_WORK on its task, or UPDATE
 * on its process instance.</li>
 * </ul>
 * Commands without an authenticated user, or run by the application without authorization
 * checks, are not checked, as in Camunda. The check runs inside the command's
 * transaction, before the command.
 */
@Component
@Order(35)
class TaskWorkGuard extends AbstractProcessEnginePlugin {

	private static final Field CLAIM_TASK = field(ClaimTaskCmd.class, "taskId");

	private static final Field CLAIM_USER = field(ClaimTaskCmd.class, "userId");

	private static final Field COMMENT_TASK = field(AddCommentCmd.class, "taskId");

	private static final Field COMMENT_INSTANCE = field(AddCommentCmd.class, "processInstanceId");

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<CommandInterceptor> interceptors = configuration.getCustomPostCommandInterceptorsTxRequired() == null
				? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
		interceptors.add(new Guard());
		configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
	}

	static final class Guard extends CommandInterceptor {

		@Override
		public <T> T execute(Command<T> command) {
			CommandContext context = Context.getCommandContext();
			Authentication user = context == null ? null : context.getAuthentication();
			if (user != null && user.getUserId() != null && context.isAuthorizationCheckEnabled()) {
				if (command instanceof ClaimTaskCmd) {
					String claimant = get(CLAIM_USER, command);
					if (claimant != null && !claimant.equals(user.getUserId())) {
						check(context, context.getTaskManager().findTaskById(get(CLAIM_TASK, command)),
								checker -> checker::checkTaskAssign);
					}
				}
				else if (command instanceof AddCommentCmd) {
					String taskId = get(COMMENT_TASK, command);
					String instanceId = get(COMMENT_INSTANCE, command);
					if (taskId != null) {
						TaskEntity task = context.getTaskManager().findTaskById(taskId);
						check(context, task, checker -> checker::checkTaskWork);
						if (task != null && instanceId != null && !instanceId.equals(task.getProcessInstanceId())) {
							// the comment would be stored under that other instance,
							// maybe of another region
							throw new ForeignInstance();
						}
					}
					else if (instanceId != null) {
						check(context, context.getExecutionManager().findExecutionById(instanceId),
								checker -> checker::checkUpdateProcessInstance);
					}
				}
			}
			return next.execute(command);
		}

		/** A missing object is left to the command, which reports it as Camunda does. */
		private static <E> void check(CommandContext context, E entity,
				java.util.function.Function<CommandChecker, Consumer<E>> check) {
			if (entity != null) {
				context.getProcessEngineConfiguration()
					.getCommandCheckers()
					.forEach(c -> check.apply(c).accept(entity));
			}
		}

	}

	private static String get(Field field, Object command) {
		return (String) ReflectionUtils.getField(field, command);
	}

	private static Field field(Class<?> type, String name) {
		Field field = ReflectionUtils.findField(type, name);
		ReflectionUtils.makeAccessible(field);
		return field;
	}

	/** A comment on a task that names another process instance than the task's. */
	static final class ForeignInstance extends org.camunda.bpm.engine.ProcessEngineException implements InvalidInput {

		ForeignInstance() {
			super("评论的流程实例须为该任务的流程实例 / the comment's processInstanceId must be the task's own process instance");
		}

		@Override
		public String field() {
			return "processInstanceId";
		}

	}

}
