package io.regionplan.system;

import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.util.EngineUtil;

/**
 * Answers 404 (as if the object did not exist) when the engine's tenant check refuses to
 * work on an object of another region, or the object does not exist; 409 when a task
 * completion lost to another completion of the same task
 * ({@link TaskCompletionConflict}); and 400 naming the field for bad input. Camunda
 * reports both as plain engine errors, which its REST API turns into 500; every other
 * exception keeps Camunda's own mapping. Camunda maps these exception types too; the
 * priority makes these mappers win.
 */
final class OtherRegionExceptionMapper {

	/** Camunda's code for "belongs to no authenticated tenant". */
	static final String TENANT_CHECK_FAILED = "ENGINE-13034";

	/**
	 * Camunda's refusal of a Java-serialized variable (javaSerializationFormatEnabled:
	 * false), a 500 by default.
	 */
	private static final java.util.regex.Pattern JAVA_SERIALIZATION_PROHIBITED = java.util.regex.Pattern
		.compile("ENGINE-17007 Cannot set variable with name (\\S+)\\. Java serialization format is prohibited");

	private static final ExceptionHandler CAMUNDA = new ExceptionHandler();

	private OtherRegionExceptionMapper() {
	}

	static Response toResponse(Throwable exception, UriInfo request) {
		String conflict = request == null ? null
				: TaskCompletionConflict.message(EngineUtil.lookupProcessEngine(null), request.getPath(), exception);
		if (conflict != null) {
			return Response.status(Response.Status.CONFLICT)
				.type(MediaType.APPLICATION_JSON_TYPE)
				.entity(Map.of("type", "TaskAlreadyCompleted", "message", conflict, "cause", engineFailure(exception)))
				.build();
		}
		for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof InvalidInput invalid) {
				return InvalidInput.response(invalid.getMessage(), invalid.field());
			}
			java.util.regex.Matcher serialized = cause.getMessage() == null ? null
					: JAVA_SERIALIZATION_PROHIBITED.matcher(cause.getMessage());
			if (serialized != null && serialized.find()) {
				return InvalidInput.response("字段 " + serialized.group(1) + "：不接受 Java 序列化对象 / field '"
						+ serialized.group(1) + "': Java-serialized objects are not accepted", serialized.group(1));
			}
			if (cause instanceof AuthorizationException refused && cause != exception) {
				// some engine REST resources wrap every engine error in a 400; a refusal
				// stays a 403
				return CAMUNDA.toResponse(refused);
			}
			boolean otherRegion = cause.getMessage() != null && cause.getMessage().contains(TENANT_CHECK_FAILED);
			if (otherRegion || cause instanceof NullValueException) {
				return Response.status(Response.Status.NOT_FOUND)
					.type(MediaType.APPLICATION_JSON_TYPE)
					.entity(Map.of("type", "InvalidRequestException", "message",
							"对象不存在或不属于你的区域 / not found in your regions"))
					.build();
			}
		}
		return CAMUNDA.toResponse(exception);
	}

	/**
	 * What the engine ran into, for whoever reads the logs: the innermost cause's type.
	 */
	private static String engineFailure(Throwable exception) {
		Throwable cause = exception;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause.getClass().getSimpleName();
	}

	@Priority(Priorities.USER - 1)
	static final class ForEngine implements ExceptionMapper<ProcessEngineException> {

		@Context
		UriInfo request;

		@Override
		public Response toResponse(ProcessEngineException exception) {
			return OtherRegionExceptionMapper.toResponse(exception, request);
		}

	}

	/**
	 * Any other failure, which may be a lost completion too (see
	 * {@link TaskCompletionConflict}).
	 */
	@Priority(Priorities.USER - 1)
	static final class ForOther implements ExceptionMapper<RuntimeException> {

		@Context
		UriInfo request;

		@Override
		public Response toResponse(RuntimeException exception) {
			return OtherRegionExceptionMapper.toResponse(exception, request);
		}

	}

	@Priority(Priorities.USER - 1)
	static final class ForRest implements ExceptionMapper<RestException> {

		@Context
		UriInfo request;

		@Override
		public Response toResponse(RestException exception) {
			return OtherRegionExceptionMapper.toResponse(exception, request);
		}

	}

}
