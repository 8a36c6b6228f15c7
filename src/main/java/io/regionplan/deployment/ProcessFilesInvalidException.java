package io.regionplan.deployment;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Process files that must not be deployed; the message lists every problem.
 */
public class ProcessFilesInvalidException extends RuntimeException {

	private final List<FileProblem> problems;

	public ProcessFilesInvalidException(List<FileProblem> problems) {
		super("流程文件有错误，未部署 / the process files have errors, nothing was deployed:\n"
				+ problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
		this.problems = List.copyOf(problems);
	}

	public List<FileProblem> problems() {
		return problems;
	}

}
