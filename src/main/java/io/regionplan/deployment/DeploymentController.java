package io.regionplan.deployment;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.regionplan.system.RegionPlanUser;
import io.regionplan.system.Roles;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * Process owners deploy changed process, rule and form files:
 * {@code POST /api/deployments} with the files (each named by its repository path) or one
 * zip of them, and {@code remove} for paths to take out;
 * {@code POST /api/deployments/from-folders} takes the edited folders. 201 with the new
 * deployment, 200 when nothing changed, 400 with every problem (nothing deployed), 403
 * for anybody but process owners and admins. A changed rule set that fails on the latest
 * facts of a region is refused like an invalid file, unless {@code force=true} (audited).
 */
@RestController
@RequestMapping("/api/deployments")
class DeploymentController {

	private final DeploymentService deployments;

	private final DeploymentPreview previews;

	private final ProcessVersions versions;

	private final ProcessMigrations migrations;

	DeploymentController(DeploymentService deployments, DeploymentPreview previews, ProcessVersions versions,
			ProcessMigrations migrations) {
		this.deployments = deployments;
		this.previews = previews;
		this.versions = versions;
		this.migrations = migrations;
	}

	@PostMapping(consumes = "multipart/form-data")
	ResponseEntity<DeploymentService.Outcome> deploy(
			@RequestParam(name = "files", required = false) List<MultipartFile> files,
			@RequestParam(name = "remove", required = false) List<String> remove,
			@RequestParam(name = "force", defaultValue = "false") boolean force,
			@AuthenticationPrincipal RegionPlanUser user) throws IOException {
		checkProcessOwner(user);
		if ((files == null || files.isEmpty()) && (remove == null || remove.isEmpty())) {
			throw new IllegalArgumentException(
					"没有文件 / no files: send 'files' (each named by its path) and/or 'remove' " + "(paths to take out)");
		}
		return answer(deployments.deployChanges(changed(files == null ? List.of() : files),
				remove == null ? List.of() : remove, user.id(), force));
	}

	/**
	 * What-if: the same files as a deployment, validated the same way, but only compared:
	 * every changed rule set re-run on the facts of the region's latest decision of it,
	 * with the subjects whose results change. Nothing is deployed or written. 400 with
	 * the problems when the files are invalid.
	 */
	@PostMapping(path = "/preview", consumes = "multipart/form-data")
	ResponseEntity<DeploymentPreview.Preview> preview(@RequestParam("files") List<MultipartFile> files,
			@RequestParam String region, @RequestParam(required = false) String processInstanceId,
			@AuthenticationPrincipal RegionPlanUser user) throws IOException {
		checkProcessOwner(user);
		DeploymentPreview.Preview preview = previews.preview(changed(files), region, processInstanceId, user.id());
		return ResponseEntity.status(preview.problems().isEmpty() ? HttpStatus.OK : HttpStatus.BAD_REQUEST)
			.body(preview);
	}

	/** The files by their repository path; a single zip is unpacked. */
	private static Map<String, byte[]> changed(List<MultipartFile> files) throws IOException {
		Map<String, byte[]> changed = new LinkedHashMap<>();
		for (MultipartFile file : files) {
			String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename().replace('\\', '/');
			if (files.size() == 1 && name.endsWith(".zip")) {
				changed.putAll(CandidateFiles.unzip(file.getBytes()));
			}
			else {
				changed.put(name, file.getBytes());
			}
		}
		return changed;
	}

	@PostMapping("/from-folders")
	ResponseEntity<DeploymentService.Outcome> fromFolders(
			@RequestParam(name = "force", defaultValue = "false") boolean force,
			@AuthenticationPrincipal RegionPlanUser user) {
		checkProcessOwner(user);
		return answer(deployments.deployFolders(user.id(), force));
	}

	@GetMapping("/audit")
	List<Map<String, Object>> audit(@AuthenticationPrincipal RegionPlanUser user) {
		checkReader(user);
		return deployments.audits();
	}

	/**
	 * Per process and rule set: the versions, when and by whom, and how many instances
	 * run on each.
	 */
	@GetMapping("/versions")
	ProcessVersions.Versions versions(@AuthenticationPrincipal RegionPlanUser user) {
		checkReader(user);
		return versions.versions();
	}

	public record MigrationRequest(String processKey, Integer fromVersion, Integer toVersion) {
	}

	/**
	 * Moves running instances of older versions of a process (or of {@code fromVersion})
	 * to {@code toVersion} (default the latest): 200 when moved or nothing to move, 409
	 * with Camunda's reasons when the change does not allow it (nothing moved).
	 */
	@PostMapping("/migrations")
	ResponseEntity<ProcessMigrations.Migration> migrate(@RequestBody MigrationRequest request,
			@AuthenticationPrincipal RegionPlanUser user) {
		checkProcessOwner(user);
		if (request.processKey() == null || request.processKey().isBlank()) {
			throw new IllegalArgumentException("缺少 processKey / processKey is required");
		}
		ProcessMigrations.Migration migration = migrations.migrate(request.processKey(), request.fromVersion(),
				request.toVersion(), user.id());
		return ResponseEntity.status(migration.outcome().equals("REFUSED") ? HttpStatus.CONFLICT : HttpStatus.OK)
			.body(migration);
	}

	private static ResponseEntity<DeploymentService.Outcome> answer(DeploymentService.Outcome outcome) {
		HttpStatus status = switch (outcome.outcome()) {
			case "DEPLOYED" -> HttpStatus.CREATED;
			case "UNCHANGED" -> HttpStatus.OK;
			default -> HttpStatus.BAD_REQUEST;
		};
		return ResponseEntity.status(status).body(outcome);
	}

	private static void checkProcessOwner(RegionPlanUser user) {
		if (!user.isMemberOf(Roles.PROCESS_OWNER) && !user.isMemberOf(Roles.ADMIN)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN,
					"只有流程负责人可以部署 / only process owners and admins deploy");
		}
	}

	private static void checkReader(RegionPlanUser user) {
		if (!user.isMemberOf(Roles.PROCESS_OWNER) && !user.isMemberOf(Roles.ADMIN) && !user.isMemberOf(Roles.AUDITOR)
				&& !user.isMemberOf(Roles.SALES_DIRECTOR)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN,
					"只有流程负责人、总监和审计可以查看 / process owners, directors " + "and auditors only");
		}
	}

}
