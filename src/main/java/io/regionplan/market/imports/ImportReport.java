package io.regionplan.market.imports;

import java.time.Instant;
import java.util.List;

/**
 * What an import did, or why it wrote nothing. While it runs, {@code phase} and
 * {@code rowsDone} show its progress.
 *
 * @param status QUEUED, RUNNING, SUCCEEDED, REJECTED (bad input: nothing written) or
 * FAILED (an unexpected error, or the server stopped or died while it ran: nothing
 * written)
 * @param phase READING (rows read and checked of about {@code rowsTotal}; -1 for a
 * workbook) or WRITING (rows written of {@code rowsTotal}), then DONE
 * @param errorCount every bad row found; {@code errors} lists the first
 * {@value #MAX_LISTED_ERRORS}
 * @param moved the rows that moved a city, dealer, store or spending to another region
 * (only an import that asked for it moves one)
 */
public record ImportReport(String id, String kind, String fileName, String userId, String status, String phase,
		int rowsTotal, int rowsDone, int inserted, int updated, int unchanged, int errorCount, List<RowError> errors,
		List<Move> moved, String message, Instant startedAt, Instant finishedAt) {

	public static final int MAX_LISTED_ERRORS = 1000;

	public ImportReport {
		errors = errors == null ? List.of() : List.copyOf(errors);
		moved = moved == null ? List.of() : List.copyOf(moved);
	}

	/** One bad cell or row: where it is, what it holds and why it is refused. */
	public record RowError(String file, int row, String column, String value, String reason) {
	}

	/**
	 * A row whose key was another region's: the import moved it from {@code fromRegion}
	 * to {@code toRegion}.
	 */
	public record Move(int row, String column, String key, String fromRegion, String toRegion) {
	}

	public boolean finished() {
		return finishedAt != null;
	}

}
