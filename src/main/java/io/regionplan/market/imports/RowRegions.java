package io.regionplan.market.imports;

import java.util.ArrayList;
import java.util.List;

import io.regionplan.market.imports.ImportKind.Column;

/**
 * Whose the rows of an import are (issue 16): a manager's rows belong to their own
 * regions and refer to no other region's city, dealer or store; no import moves an
 * existing city, dealer, store or spending to another region, unless a director or admin
 * asks for it, and then the report lists each move.
 */
final class RowRegions {

	/** Where a refused row is reported: row, column, value, reason. */
	@FunctionalInterface
	interface Errors {

		void add(int row, String column, String value, String reason);

	}

	private final ImportKind kind;

	private final Importer importer;

	private final References references;

	private final Errors errors;

	private final List<ImportReport.Move> moves = new ArrayList<>();

	RowRegions(ImportKind kind, Importer importer, References references, Errors errors) {
		this.kind = kind;
		this.importer = importer;
		this.references = references;
		this.errors = errors;
	}

	List<ImportReport.Move> moves() {
		return moves;
	}

	/**
	 * Whose the row is: a manager's rows are of their own regions and refer to no other
	 * region's city, dealer or store (a neighbouring city excepted); nobody moves an
	 * existing key to another region, but a director or admin who asks for it.
	 */
	boolean allow(int row, Object[] values) {
		if (kind.scope() == null) {
			return true;
		}
		String region = references.regionOf(kind.scope(), value(values, kind.scope()));
		if (!importer.mayImport(region)) {
			errors.add(row, kind.scope(), String.valueOf(region), "不属于你的区域 / not one of your regions");
			return false;
		}
		boolean ok = true;
		// a neighbouring city may be another region's: borders cross regions
		for (Column column : importer.privileged() ? List.<Column>of() : kind.columns()) {
			if (!References.REGIONAL.contains(String.valueOf(column.references())) || column.name().equals(kind.scope())
					|| column.name().equals("neighbour") || values[kind.columns().indexOf(column)] == null) {
				continue;
			}
			String id = (String) values[kind.columns().indexOf(column)];
			String other = references.regionOfId(column.references(), id);
			if (!importer.mayImport(other)) {
				errors.add(row, column.name(), id,
						belongs(other) + "，不是你的区域 / " + belongsEn(other) + ", not one of yours");
				ok = false;
			}
		}
		if (!kind.keys().contains(kind.scope())) {
			String key = value(values, kind.keys().get(0));
			String before = references.regionOfExisting(kind, key);
			if (before != null && !before.equals(region)) {
				if (importer.movesBetweenRegions()) {
					moves.add(new ImportReport.Move(row, kind.keys().get(0), key, before, region));
				}
				else {
					errors.add(row, kind.keys().get(0), key,
							belongs(before) + "，导入不会把它移到 " + region + "（总监或管理员可用 " + "moveBetweenRegions=true 导入以移动）/ "
									+ belongsEn(before) + ": an import does not move it to " + region
									+ " (a director or admin moves it by importing with moveBetweenRegions=true)");
					ok = false;
				}
			}
		}
		return ok;
	}

	private static String belongs(String region) {
		return "属于区域 " + region;
	}

	private static String belongsEn(String region) {
		return "belongs to region " + region;
	}

	private String value(Object[] values, String column) {
		return (String) kind.value(values, column);
	}

}
