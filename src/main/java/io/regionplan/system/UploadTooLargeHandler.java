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
 * An upload over the multipart limit whose length was not announced (chunked) fails while the request is
 * parsed, before any controller is chosen: only an advice for every handler sees it (the package-bound
 * {@link ApiExceptionHandler} does not), so that the caller gets 413 with a message instead of an empty 413; a body
 * the parser refuses otherwise gets 400, not 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadTooLargeHandler {

	private final MultipartProperties multipart;

	UploadTooLargeHandler(MultipartProperties multipart) {
		this.multipart = multipart;
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<Map<String, Object>> tooLarge(MaxUploadSizeExceededException ex) {
		return ApiExceptionHandler.body(HttpStatus.PAYLOAD_TOO_LARGE, RequestSizeLimit.tooLarge(multipart.getMaxRequestSize()));
	}

	/** A body the multipart parser refuses (a NUL in a part's header, a broken boundary) is bad input. */
	@ExceptionHandler(MultipartException.class)
	ResponseEntity<Map<String, Object>> notMultipart(MultipartException ex) {
		return ApiExceptionHandler.body(HttpStatus.BAD_REQUEST,
				"上传内容不是有效的 multipart/form-data / the upload is not valid multipart/form-data");
	}

}
