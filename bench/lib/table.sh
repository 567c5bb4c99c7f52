#!/usr/bin/env bash
# Writes the results of one date (bench/results/<date>-*.json) as tables into bench/README.md,
# between the markers <!-- results:begin --> and <!-- results:end -->.
#   bench/lib/table.sh 2026-11-27
set -euo pipefail
BENCH=$(cd "$(dirname "$0")/.." && pwd)
DATE=${1:?date of the results, e.g. 2026-11-27}
shopt -s nullglob
FILES=("$BENCH"/results/"$DATE"-*.json)
if ((${#FILES[@]} == 0)); then
  echo "no results for $DATE" >&2
  exit 1
fi

TABLE=$(jq -s -r --arg date "$DATE" '
  def r1: if . == null then "–" else (. * 10 | round / 10 | tostring) end;
  def r0: if . == null then "–" else (. | round | tostring) end;
  def ms: if . == null then "–" else (if . < 10 then (. * 10 | round / 10) else (. | round) end | tostring) end;
  def lat($x): if $x == null then "–" else "\($x.p50_ms | ms) / \($x.p99_ms | ms)" end;
  # the bare engine of the same run (bench/results/<date>-baseline.json): the reference for PostgreSQL runs
  (map(select(.baseline != null)) | .[0]) as $bare
  | ($bare.baseline.completed_per_s // null) as $bare_rate
  | def ratio: if .database != "pg" then null
      elif .throughput.measured.ratio_to_bare_engine != null then .throughput.measured.ratio_to_bare_engine
      elif ($bare_rate // 0) > 0 then .throughput.measured.completed_per_s / $bare_rate else null end;
  # OpenRMA'"'"'s and PostgreSQL'"'"'s CPU in the measured window per return completed in it
  def cpu_ms: .throughput.measured as $m
    | if $m.cpu_ms_per_return != null then $m.cpu_ms_per_return
      elif ($m.completed_per_s // 0) > 0 then ($m.cpu.openrma_cores + $m.cpu.postgres_cores) * 1000 / $m.completed_per_s
      else null end;
  def r2: if . == null then "–" else (. * 100 | round / 100 | tostring) end;
  def order: (if .config == "stock" then 0 elif .config == "tuned" then 2 else 1 end);
  (map(select(.throughput != null)) | sort_by(order, .config, (if .database == "pg" then 0 else 1 end), .simulated_latency)) as $runs
  | ($runs[0]) as $any
  | [
    "Measured on \($date) by `bench/run`\(if $any.quick then " (--quick: short steps, not for comparison)" else "" end): \($any.machine.cpu), \($any.machine.cores) cores, \($any.machine.memory) RAM, \($any.machine.os), \($any.machine.java). OpenRMA, PostgreSQL \($any.postgres.version) and the load driver share the 2 cores. PostgreSQL with fsync and synchronous_commit on; `pgbench` (tpcb-like, scale 10, 8 clients, \($any.postgres.pgbench.seconds) s) in the same run, for information: **\($any.postgres.pgbench.tps | r0) tps**. \(if $bare_rate == null then "No bare-engine baseline in this run (it came later): the ratio is open." else "The bare engine (`bench/baseline`, over REST, authorization on) in the same run: **\($bare_rate | r1) instances/s**; the ratio is OpenRMA'"'"'s returns/s over that (PostgreSQL only)." end) Load average (1 min) at the start and end of each run is in the result files.",
    "",
    "| Settings | Database | Simulated latency | Returns/s (backlog flat) | Create → REFUNDED p50 / p99 (ms) | DB transactions per return | CPU ms per return (OpenRMA + PostgreSQL) | Ratio to the bare engine | CPU: OpenRMA / PostgreSQL / driver (cores) | Startup: empty DB / restart (s) | After the run: RSS / heap after full GC (MB) |",
    "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ($runs[] | select(.config == "stock" or .config == "tuned") |
      "| \(.config) | \(if .database == "pg" then "PostgreSQL" else "H2 (file)" end) | \(.simulated_latency) | **\(.throughput.measured.completed_per_s | r1)** | \(lat(.throughput.measured.create_to_refunded)) | \(.throughput.measured.db_transactions_per_return | r1) | \(cpu_ms | r0) | \(ratio | r2) | \(.throughput.measured.cpu.openrma_cores | r1) / \(.throughput.measured.cpu.postgres_cores | r1) / \(.throughput.measured.cpu.driver_cores | r1) | \(.startup.first_start_empty_database_ms / 1000 | r1) / \(.startup.restart_ms / 1000 | r1) | \(.memory_after_run.rss_mb) / \(.memory_after_run.heap_used_after_full_gc_mb) |"),
    "",
    (if $bare == null then empty else
      ( "The bare engine (`bench/baseline`: the main path'"'"'s shape with no-op steps, OpenRMA'"'"'s engine settings) in the same run, each variant on a fresh database:",
        "",
        "| Variant | Instances/s (in flight flat) | Start → end p50 / p99 (ms) | DB transactions per instance | CPU ms per instance (app + PostgreSQL) | CPU: app / PostgreSQL / driver (cores) |",
        "|---|---:|---:|---:|---:|---:|",
        ($bare.variants | to_entries[] | .key as $k | .value.measured |
          "| \($k)\(if $k == "rest-auth-on" then " (the reference)" else "" end) | **\(.completed_per_s | r1)** | \(.start_to_end.p50_ms | ms) / \(.start_to_end.p99_ms | ms) | \(.db_transactions_per_completed | r1) | \(.cpu_ms_per_completed | r0) | \(.cpu.app_cores | r1) / \(.cpu.postgres_cores | r1) / \(.cpu.driver_cores | r1) |"),
        "") end),
    "REST API latency at 70 % of each run'"'"'s highest flat rate (creates at that rate, plus GETs and searches by email at half of it, plus the partners'"'"' scans and pick-ups), p50 / p99 in ms:",
    "",
    "| Settings | Database | Simulated latency | Returns/s | POST /api/returns | GET /api/returns/{rma} | GET /api/returns?email= | POST /api/warehouse/arrivals |",
    "|---|---|---|---:|---:|---:|---:|---:|",
    ($runs[] | select((.config == "stock" or .config == "tuned") and .rest != null) |
      "| \(.config) | \(if .database == "pg" then "PostgreSQL" else "H2 (file)" end) | \(.simulated_latency) | \(.rest.returns_per_s | r1) | \(lat(.rest.latency.create)) | \(lat(.rest.latency.get)) | \(lat(.rest.latency.search)) | \(lat(.rest.latency.arrival_scan)) |"),
    "",
    (if ($runs | map(select(.config != "stock" and .config != "tuned")) | length) > 0 then
      ( "Tuning steps (PostgreSQL), each on top of the previous one; the settings of each step are in `bench/configs/`:",
        "",
        "| Step | Simulated latency | Returns/s (backlog flat) | Create → REFUNDED p50 / p99 (ms) | DB transactions per return | CPU ms per return | Ratio to the bare engine | CPU: OpenRMA / PostgreSQL (cores) |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
        ($runs[] | select(.database == "pg") |
          "| \(.config) | \(.simulated_latency) | \(.throughput.measured.completed_per_s | r1) | \(lat(.throughput.measured.create_to_refunded)) | \(.throughput.measured.db_transactions_per_return | r1) | \(cpu_ms | r0) | \(ratio | r2) | \(.throughput.measured.cpu.openrma_cores | r1) / \(.throughput.measured.cpu.postgres_cores | r1) |"),
        "")
     else empty end),
    (map(select(.correlation != null)) | sort_by(order)[] |
      ( "Arrival scans (message correlation by business key) with returns waiting, **\(.config)**, PostgreSQL: \(.correlation.clients) concurrent scanners for the maximum, then a fixed \(.correlation.fixed_rate_per_s | r0) scans/s for p50 / p99:",
        "",
        "| Returns waiting | Max scans/s | p99 at max (ms) | p50 / p99 at \(.correlation.fixed_rate_per_s | r0)/s (ms) |",
        "|---:|---:|---:|---:|",
        (.correlation.levels[] | "| \(.waiting_after) – \(.waiting) | \(.max.scans_per_s | r0) | \(.max.latency.p99_ms | ms) | \(lat(.fixed_rate.latency)) |"),
        "",
        "p99 at the largest size over p99 at the smallest (fixed rate): **\((.correlation.levels[-1].fixed_rate.latency.p99_ms / .correlation.levels[0].fixed_rate.latency.p99_ms) * 100 | round / 100)**",
        "")),
    (map(select(.tasks != null)) | sort_by(order)[] |
      "Tasklist, walt'"'"'s filter \"My group'"'"'s tasks (Warehouse)\" with \(.tasks.open_tasks_for_group) open tasks, **\(.config)**: first page of 15 with the count (hal+json, as Tasklist asks) p50 / p99 **\(lat(.tasks.first_page_hal_with_count))** ms; count alone \(lat(.tasks.count)) ms; first page as JSON \(lat(.tasks.first_page_json)) ms.",
      "")
  ] | .[]
' "${FILES[@]}")

README="$BENCH/README.md"
if ! grep -q '<!-- results:begin -->' "$README"; then
  printf '\n<!-- results:begin -->\n<!-- results:end -->\n' >>"$README"
fi
awk -v table="$TABLE" '
  /<!-- results:begin -->/ { print; print table; skip = 1; next }
  /<!-- results:end -->/ { skip = 0 }
  !skip { print }
' "$README" >"$README.tmp" && mv "$README.tmp" "$README"
echo "bench/README.md: results of $DATE"
