package io.regionplan.system;

/**
 * An exception caused by bad input from the caller (a field that is missing or wrong):
 * the APIs answer 400 with its message and field instead of a server error.
 */
public interface InvalidInput {

	/** The field the message is about, or {@code null}. */
	String field();

	String getMessage();

	/**
	 * The engine REST APIs' answer to bad input: 400 with the message and the field it
	 * names, logged in one line.
	 */
	static jakarta.ws.rs.core.Response response(String message, String field) {
		RefusedInputLog.refused(message);
		java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
		body.put("type", "InvalidInput");
		body.put("message", message);
		body.put("field", field);
		return jakarta.ws.rs.core.Response.status(jakarta.ws.rs.core.Response.Status.BAD_REQUEST)
			.type(jakarta.ws.rs.core.MediaType.APPLICATION_JSON_TYPE)
			.entity(body)
			.build();
	}

}
