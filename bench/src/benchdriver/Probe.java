package benchdriver;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the CPU went: the machine (/proc/stat), the OpenRMA JVM, PostgreSQL (postmaster and its
 * children) and this driver (/proc/PID/stat), so a result says who used the two cores.
 */
final class Probe {

  private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

  record Snapshot(long nanos, long machineBusy, long machineTotal, long app, long postgres, long driver) {
  }

  private final long appPid;
  private final long postmasterPid;

  Probe(long appPid, long postmasterPid) {
    this.appPid = appPid;
    this.postmasterPid = postmasterPid;
  }

  Snapshot snapshot() {
    long[] machine = machine();
    return new Snapshot(System.nanoTime(), machine[0], machine[1], appPid > 0 ? ticks(appPid) : 0,
        postmasterPid > 0 ? postgresTicks() : 0, ticks(ProcessHandle.current().pid()));
  }

  /** Cores used on average between two snapshots, per party, and the machine's busy share. */
  static Map<String, Object> between(Snapshot a, Snapshot b) {
    double seconds = (b.nanos() - a.nanos()) / 1e9;
    Map<String, Object> out = new LinkedHashMap<>();
    long total = b.machineTotal() - a.machineTotal();
    out.put("machine_busy_percent", total == 0 ? 0.0 : 100.0 * (b.machineBusy() - a.machineBusy()) / total);
    out.put("openrma_cores", (b.app() - a.app()) / TICKS_PER_SECOND / seconds);
    out.put("postgres_cores", (b.postgres() - a.postgres()) / TICKS_PER_SECOND / seconds);
    out.put("driver_cores", (b.driver() - a.driver()) / TICKS_PER_SECOND / seconds);
    // what else ran on the machine meanwhile (other processes; should be near 0)
    double busyCores = total == 0
        ? 0
        : Runtime.getRuntime().availableProcessors()
            * (b.machineBusy() - a.machineBusy()) / (double) total;
    out.put("other_cores",
        Math.max(0, busyCores - (double) out.get("openrma_cores") - (double) out.get("postgres_cores")
            - (double) out.get("driver_cores")));
    return out;
  }

  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "?";
    }
  }

  private static long[] machine() {
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long total = 0;
      for (int i = 1; i < f.length && i <= 8; i++) {
        total += Long.parseLong(f[i]);
      }
      long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
      return new long[]{total - idle, total};
    } catch (IOException e) {
      return new long[]{0, 0};
    }
  }

  /** utime + stime of a process (its threads included), 0 if it is gone. */
  private static long ticks(long pid) {
    String[] f = stat(pid);
    return f == null ? 0 : Long.parseLong(f[11]) + Long.parseLong(f[12]);
  }

  private static long ppid(long pid) {
    String[] f = stat(pid);
    return f == null ? -1 : Long.parseLong(f[1]);
  }

  /** The fields after "(comm)": state is [0], ppid [1], utime [11], stime [12]. */
  private static String[] stat(long pid) {
    try {
      String text = Files.readString(Path.of("/proc/" + pid + "/stat"));
      return text.substring(text.lastIndexOf(')') + 2).trim().split("\\s+");
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private long postgresTicks() {
    long sum = ticks(postmasterPid);
    try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path proc : procs) {
        long pid = Long.parseLong(proc.getFileName().toString());
        if (ppid(pid) == postmasterPid) {
          sum += ticks(pid);
        }
      }
    } catch (IOException e) {
      // keep what we have
    }
    return sum;
  }

  static List<String> describeMachine() {
    try {
      String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
          .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
      String mem = Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " ");
      return List.of(cpu, Runtime.getRuntime().availableProcessors() + " cores", mem);
    } catch (IOException e) {
      return List.of("?");
    }
  }
}
