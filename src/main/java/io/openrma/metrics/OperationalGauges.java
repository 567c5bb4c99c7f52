package io.openrma.metrics;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.openrma.outbound.OutboundDeliveryProcess;
import io.openrma.process.ProcessIds;
import io.openrma.reporting.DailyReportProcess;
import io.openrma.returns.ReturnStatus;
import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What is true right now, read when Prometheus scrapes: returns per status, open incidents per process,
 * the job executor's backlog and the outbound events still to deliver. One snapshot serves all gauges
 * and is reused for {@link MetricsSettings#refreshInterval()}, so a scrape costs at most six count queries.
 */
@Component
public class OperationalGauges implements MeterBinder {

  private static final Logger log = LoggerFactory.getLogger(OperationalGauges.class);
  static final List<String> PROCESSES = List.of(ProcessIds.RMA_LIFECYCLE, OutboundDeliveryProcess.KEY,
      DailyReportProcess.KEY);

  private final JdbcClient jdbc;
  private final ObjectProvider<ProcessEngine> engine;
  private final long refreshNanos;
  private volatile Snapshot snapshot;

  public OperationalGauges(JdbcClient jdbc, ObjectProvider<ProcessEngine> engine, MetricsSettings settings) {
    this.jdbc = jdbc;
    this.engine = engine;
    this.refreshNanos = settings.refreshInterval().toNanos();
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (ReturnStatus status : ReturnStatus.values()) {
      Gauge.builder("openrma.returns", this, gauges -> gauges.current().returns(status))
          .description("Returns in this status now").tag("status", status.name()).register(registry);
    }
    for (String process : PROCESSES) {
      Gauge.builder("openrma.incidents.open", this, gauges -> gauges.current().incidents(process))
          .description("Open incidents (failed steps waiting for an administrator) by process")
          .tag("process", process).register(registry);
    }
    Gauge.builder("openrma.jobs.executable", this, gauges -> gauges.current().executableJobs())
        .description("Engine jobs that are due and have retries left: the job executor's backlog").register(registry);
    Gauge.builder("openrma.outbound.pending", this, gauges -> gauges.current().pendingDeliveries())
        .description("Outbound events not yet delivered to their subscriber").register(registry);
  }

  /** The counts behind all gauges, at most {@code refreshInterval} old; NaN while the database cannot be read. */
  Snapshot current() {
    Snapshot current = snapshot;
    long now = System.nanoTime();
    if (current != null && now - current.takenAt() < refreshNanos) {
      return current;
    }
    synchronized (this) {
      if (snapshot != null && now - snapshot.takenAt() < refreshNanos) {
        return snapshot;
      }
      try {
        snapshot = read(now);
      } catch (RuntimeException e) {
        log.warn("Metrics: cannot read the counts ({})", e.getMessage());
        snapshot = Snapshot.unavailable(now);
      }
      return snapshot;
    }
  }

  private Snapshot read(long now) {
    Map<ReturnStatus, Long> returns = new EnumMap<>(ReturnStatus.class);
    jdbc.sql("SELECT status, COUNT(*) AS n FROM rma_return GROUP BY status")
        .query(rs -> {
          returns.put(ReturnStatus.valueOf(rs.getString("status")), rs.getLong("n"));
        });
    ProcessEngine processEngine = engine.getObject();
    Map<String, Long> incidents = new LinkedHashMap<>();
    for (String process : PROCESSES) {
      incidents.put(process, processEngine.getRuntimeService().createIncidentQuery()
          .processDefinitionKeyIn(process).count());
    }
    long jobs = processEngine.getManagementService().createJobQuery().executable().count();
    long pending = jdbc.sql("SELECT COUNT(*) FROM rma_outbound_delivery WHERE state = 'PENDING'")
        .query(Long.class).single();
    return new Snapshot(now, true, returns, incidents, jobs, pending);
  }

  /** The counts of one moment; every value is NaN when they could not be read (Prometheus shows a gap). */
  record Snapshot(long takenAt, boolean available, Map<ReturnStatus, Long> returnsByStatus,
      Map<String, Long> incidentsByProcess, double executableJobs, double pendingDeliveries) {

    static Snapshot unavailable(long now) {
      return new Snapshot(now, false, Map.of(), Map.of(), Double.NaN, Double.NaN);
    }

    double returns(ReturnStatus status) {
      return available ? returnsByStatus.getOrDefault(status, 0L) : Double.NaN;
    }

    double incidents(String process) {
      return available ? incidentsByProcess.getOrDefault(process, 0L) : Double.NaN;
    }
  }
}
