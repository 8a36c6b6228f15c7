package io.regionplan.system;

import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Bad input to the application API is answered with 400 (or 413) and a message that names
 * what is wrong, never with a 500 and a stack trace.
 */
@RestControllerAdvice(basePackages = "io.regionplan")
class ApiExceptionHandler {

	@ExceptionHandler(IllegalArgumentException.class)
	ResponseEntity<Map<String, Object>> badRequest(IllegalArgumentException ex) {
		return body(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	/** A body that is no JSON, or a field of the wrong type: the field is named. */
	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException ex) {
		if (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
			String field = mapping.getPath()
				.stream()
				.map(step -> step.getFieldName() != null ? step.getFieldName() : "[" + step.getIndex() + "]")
				.collect(Collectors.joining("."));
			String detail = mapping instanceof InvalidFormatException format
					? ": '" + format.getValue() + "' is not " + format.getTargetType().getSimpleName() : "";
			return body(HttpStatus.BAD_REQUEST,
					"字段 " + field + " 的值类型不对 / field '" + field + "' has a value of the wrong type" + detail);
		}
		return body(HttpStatus.BAD_REQUEST, "请求体不是有效的 JSON / the request body is not valid JSON");
	}

	/**
	 * A parameter that is not of its type, e.g. {@code year=abc}: named, its value not
	 * repeated.
	 */
	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<Map<String, Object>> wrongType(MethodArgumentTypeMismatchException ex) {
		Class<?> type = ex.getRequiredType();
		boolean whole = type == int.class || type == Integer.class || type == long.class || type == Long.class;
		boolean yesNo = type == boolean.class || type == Boolean.class;
		String zh = whole ? "整数" : yesNo ? "true 或 false" : type == null ? "其类型" : type.getSimpleName();
		String en = whole ? "a whole number"
				: yesNo ? "true or false" : type == null ? "of its type" : type.getSimpleName();
		return body(HttpStatus.BAD_REQUEST,
				"参数 " + ex.getName() + " 须为" + zh + " / parameter '" + ex.getName() + "' must be " + en);
	}

	static ResponseEntity<Map<String, Object>> body(HttpStatus status, String message) {
		return ResponseEntity.status(status)
			.body(Map.of("status", status.value(), "error", status.getReasonPhrase(), "message", message));
	}

}
