package io.regionplan.system;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * A multipart body is taken only by the application's upload endpoints, the handlers
 * mapped with {@code consumes = "multipart/form-data"} (imports, deployments, what-ifs),
 * and only once Spring Security has let the request through; a multipart request to any
 * other address is answered 415 without reading its body. The engine REST API and the
 * webapps (their own servlets, which read a multipart body only in the resources that
 * take one, after authentication) are left to themselves.
 */
final class UploadGate extends OncePerRequestFilter {

	private record Upload(Set<RequestMethod> methods, Set<PathPattern> paths) {
	}

	private final ApplicationContext context;

	private volatile List<Upload> uploads;

	UploadGate(ApplicationContext context) {
		this.context = context;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String type = request.getContentType();
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return type == null || !type.toLowerCase().startsWith("multipart/") || path.startsWith("/engine-rest/")
				|| path.startsWith("/camunda/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		PathContainer path = PathContainer
			.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
		RequestMethod method = RequestMethod.resolve(request.getMethod());
		for (Upload upload : uploads()) {
			boolean methodMatches = upload.methods().isEmpty() || upload.methods().contains(method);
			if (methodMatches && upload.paths().stream().anyMatch(pattern -> pattern.matches(path))) {
				chain.doFilter(request, response);
				return;
			}
		}
		response.setStatus(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE);
		response.setContentType("application/json;charset=UTF-8");
		response.getWriter()
			.write("{\"status\":415,\"error\":\"Unsupported Media Type\",\"message\":\"这个地址不接受上传 / this address "
					+ "takes no multipart upload\"}");
	}

	/**
	 * Read from the handler mapping at the first upload: a new upload endpoint needs
	 * nothing here.
	 */
	private List<Upload> uploads() {
		if (uploads == null) {
			List<Upload> found = new ArrayList<>();
			RequestMappingHandlerMapping mapping = context.getBean("requestMappingHandlerMapping",
					RequestMappingHandlerMapping.class);
			for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
				if (info.getConsumesCondition().getConsumableMediaTypes().contains(MediaType.MULTIPART_FORM_DATA)
						&& info.getPathPatternsCondition() != null) {
					found.add(new Upload(info.getMethodsCondition().getMethods(),
							info.getPathPatternsCondition().getPatterns()));
				}
			}
			uploads = List.copyOf(found);
		}
		return uploads;
	}

}
