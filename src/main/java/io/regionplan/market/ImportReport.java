package io.regionplan.market;

import java.time.Instant;
import java.util.List;

/**
 * What an import did, or why it wrote nothing. While it runs, {@code phase} and {@code rowsDone}
 * show its progress.
 *
 * @param status QUEUED, RUNNING, SUCCEEDED, REJECTED (bad input: nothing written) or FAILED (an
 * unexpected error: nothing written)
 * @param phase READING (rows read and checked of about {@code rowsTotal}; -1 for a workbook) or WRITING
 * (rows written of {@code rowsTotal}), then DONE
 * @param errorCount every bad row found; {@code errors} lists the first {@value #MAX_LISTED_ERRORS}
 */
public record ImportReport(String id, String kind, String fileName, String userId, String status, String phase,
		int rowsTotal, int rowsDone, int inserted, int updated, int unchanged, int errorCount, List<RowError> errors,
		String message, Instant startedAt, Instant finishedAt) {

	public static final int MAX_LISTED_ERRORS = 1000;

	/** One bad cell or row: where it is, what it holds and why it is refused. */
	public record RowError(String file, int row, String column, String value, String reason) {
	}

	public boolean finished() {
		return finishedAt != null;
	}

}
