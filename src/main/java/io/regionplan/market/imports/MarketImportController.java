package io.regionplan.market.imports;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import io.regionplan.market.MarketAccess;
import io.regionplan.system.RegionPlanUser;
import io.regionplan.system.Echo;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code POST /api/market/imports} (multipart {@code kind}, {@code file}, and
 * {@code moveBetweenRegions=true} for a director who moves rows to another region on
 * purpose) answers 202 with the import's id; {@code GET /api/market/imports/{id}} shows
 * its progress and, when done, its report.
 */
@RestController
@RequestMapping("/api/market/imports")
class MarketImportController {

	private static final int MAX_FILE_NAME = 255;

	private final MarketImports imports;

	MarketImportController(MarketImports imports) {
		this.imports = imports;
	}

	@PostMapping(consumes = "multipart/form-data")
	ResponseEntity<ImportReport> upload(@RequestParam("kind") String kind, @RequestParam("file") MultipartFile file,
			@RequestParam(name = "moveBetweenRegions", defaultValue = "false") String move,
			@AuthenticationPrincipal RegionPlanUser user) throws IOException {
		Importer importer = ImportAccess.importer(user, moves(move));
		if (!MarketImports.isKind(kind)) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"未知数据类型 / unknown kind " + Echo.id(kind) + ", see docs/data-formats.md");
		}
		if (MarketImports.isShared(kind) && !importer.privileged()) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, ImportAccess.sharedByEveryRegion(kind));
		}
		String name = fileName(file.getOriginalFilename());
		if (file.isEmpty()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "文件为空 / the file is empty");
		}
		Path copy = Files.createTempFile("regionplan-import-", ".upload");
		try (InputStream in = file.getInputStream()) {
			Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
		}
		ImportReport report = imports.submit(kind, copy, name, importer);
		return ResponseEntity.accepted().location(URI.create("/api/market/imports/" + report.id())).body(report);
	}

	private static boolean moves(String move) {
		if (!move.equals("true") && !move.equals("false")) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"moveBetweenRegions 须为 true 或 false / moveBetweenRegions must be true or false");
		}
		return move.equals("true");
	}

	/**
	 * The name the report shows: without folders, never with control characters, at most
	 * 255 characters.
	 */
	static String fileName(String original) {
		if (original == null || original.isBlank()) {
			return "upload";
		}
		if (original.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"文件名含有控制字符（如 NUL、换行）/ the file name contains control characters (NUL, line breaks)");
		}
		String name = original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1).strip();
		if (name.length() > MAX_FILE_NAME) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"文件名超过 " + MAX_FILE_NAME + " 个字符 / the file name is longer than " + MAX_FILE_NAME + " characters");
		}
		return name.isEmpty() ? "upload" : name;
	}

	@GetMapping("/{id}")
	ImportReport report(@PathVariable String id, @AuthenticationPrincipal RegionPlanUser user) {
		return imports.find(id)
			.filter(report -> report.userId().equals(user.id()) || MarketAccess.isPrivileged(user))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有这个导入 / no import '" + id + "'"));
	}

}
