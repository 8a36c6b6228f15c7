package io.regionplan.system;

import java.util.Map;

import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * An upload that cannot be parsed: over the multipart limit with a length not announced
 * (chunked), 413, or no multipart body at all (no boundary, broken parts), 400; each with
 * a message instead of a 500 or an empty answer. An advice for every handler (not the
 * package-bound {@link ApiExceptionHandler}), as the failure may come before a controller
 * is chosen.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadExceptionHandler {

	private final MultipartProperties multipart;

	UploadExceptionHandler(MultipartProperties multipart) {
		this.multipart = multipart;
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<Map<String, Object>> tooLarge(MaxUploadSizeExceededException ex) {
		return ApiExceptionHandler.body(HttpStatus.PAYLOAD_TOO_LARGE,
				RequestSizeLimit.tooLarge(multipart.getMaxRequestSize()));
	}

	@ExceptionHandler(MultipartException.class)
	ResponseEntity<Map<String, Object>> notMultipart(MultipartException ex) {
		return ApiExceptionHandler.body(HttpStatus.BAD_REQUEST,
				"上传须为有效的 multipart/form-data 请求 / an upload must be a valid "
						+ "multipart/form-data request (with its boundary)");
	}

}
