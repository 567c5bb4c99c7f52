package io.openrma.portal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.openrma.OpenRmaApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Benchmark, not a test (no timing is asserted anywhere): the customer portal's pages under a steady stream of
 * requests from one client over loopback, the application on H2 as the demo runs it: the order lookup (POST, then
 * the items page), the review (POST of the resolution, then the review page with its estimate from the policy
 * table and the refund calculator) and the status page of a return. Prints p50, p99 and the mean per page. Run by
 * {@code bench/portal-pages}; the result is recorded in {@code bench/README.md}.
 */
public final class PortalPagesBench {

  private PortalPagesBench() {
  }

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
    ConfigurableApplicationContext app = SpringApplication.run(OpenRmaApplication.class, "--server.port=0",
        "--spring.datasource.url=jdbc:h2:mem:portal-bench;DB_CLOSE_DELAY=-1", "--openrma.demo.seed-returns=false",
        "--openrma.portal.lookups.per-address=100000000", "--openrma.portal.lookups.per-order=100000000",
        "--camunda.bpm.job-execution.enabled=false", "--logging.level.root=WARN");
    try {
      int port = ((WebServerApplicationContext) app).getWebServer().getPort();
      PortalBrowser browser = new PortalBrowser(port);
      List<Long> lookups = new ArrayList<>();
      List<Long> reviews = new ArrayList<>();
      for (int i = 0; i < rounds + 200; i++) {
        browser.get("/returns");
        long lookup = time(() -> browser.post("/returns", Map.of("orderNumber", "#1001",
            "proof", "jane.doe@example.com")));
        browser.post("/returns/items", Map.of("lines[0].quantity", "1", "lines[0].reason", "DOES_NOT_FIT",
            "lines[0].condition", "NEW"));
        long review = time(() -> browser.post("/returns/resolution", Map.of("resolution", "REFUND")));
        if (i >= 200) { // the first 200 warm the JIT and the caches
          lookups.add(lookup);
          reviews.add(review);
        }
      }
      String statusLink = PortalSteps.statusLink(PortalSteps.submit(browser));
      List<Long> statuses = new ArrayList<>();
      for (int i = 0; i < rounds + 200; i++) {
        long status = time(() -> browser.get(statusLink));
        if (i >= 200) {
          statuses.add(status);
        }
      }
      print("lookup (POST /returns, then the items page)", lookups);
      print("review (POST /returns/resolution, then the review page)", reviews);
      print("status page (GET /returns/status/{token})", statuses);
    } finally {
      app.close();
    }
  }

  private static long time(Supplier<PortalBrowser.Page> request) {
    long start = System.nanoTime();
    PortalBrowser.Page page = request.get();
    long took = System.nanoTime() - start;
    if (page.status() >= 400) {
      throw new IllegalStateException("the bench got " + page.status() + " at " + page.path());
    }
    return took;
  }

  private static void print(String page, List<Long> nanos) {
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    double p50 = sorted.get(sorted.size() / 2) / 1e6;
    double p99 = sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1) / 1e6;
    double mean = sorted.stream().mapToLong(Long::longValue).average().orElse(0) / 1e6;
    System.out.printf("%-58s n=%,d  p50 %6.1f ms  p99 %6.1f ms  mean %6.1f ms%n", page, sorted.size(), p50, p99, mean);
  }
}
