package io.regionplan.market.imports;

import java.util.List;

/** Bad input: the import writes nothing and reports every bad row. */
final class ImportRejected extends RuntimeException {

	final List<ImportReport.RowError> errors;

	final int errorCount;

	ImportRejected(List<ImportReport.RowError> errors, int errorCount) {
		super(errorCount + " bad rows");
		this.errors = errors;
		this.errorCount = errorCount;
	}

}
