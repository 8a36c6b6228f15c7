package io.regionplan.market.imports;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

import io.regionplan.market.MarketSettings;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Finds the imports a crash (kill -9, a power cut) left QUEUED or RUNNING and marks them
 * FAILED: at every start, and on a shared PostgreSQL database also while running, for the
 * nodes that stopped noting that their imports still run (the heartbeat).
 */
@Component
class ImportWatch implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ImportWatch.class);

	private final ImportRecords records;

	private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread thread = new Thread(r, "market-import-heartbeat");
		thread.setDaemon(true);
		return thread;
	});

	ImportWatch(ImportRecords records, MarketSettings settings) {
		this.records = records;
		long every = settings.importHeartbeat().toMillis();
		heartbeat.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
	}

	@Override
	public void run(ApplicationArguments args) {
		int failed = records.failInterrupted(true);
		if (failed > 0) {
			log.warn("{} market data import(s) of an earlier start were interrupted: marked FAILED", failed);
		}
	}

	private void beat() {
		try {
			records.heartbeat();
			if (!records.oneNode()) {
				records.failInterrupted(false);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Market import heartbeat failed: {}", ex.toString());
		}
	}

	@PreDestroy
	void stop() {
		heartbeat.shutdownNow();
	}

}
