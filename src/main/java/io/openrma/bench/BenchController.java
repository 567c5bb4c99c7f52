package io.openrma.bench;

import java.util.List;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.context.annotation.Profile;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/bench/waiting-returns}: only under the {@code bench} profile, only for
 * administrators (every {@code /api/**} path not named in the security configuration is).
 */
@RestController
@Profile("bench")
@Validated
@Hidden
public class BenchController {

  private final WaitingReturns waitingReturns;

  public BenchController(WaitingReturns waitingReturns) {
    this.waitingReturns = waitingReturns;
  }

  /** How many returns, waiting where. */
  public record WaitingReturnsRequest(@Min(1) @Max(5000) int count, @NotNull WaitingReturns.Step step) {
  }

  public record WaitingReturnsResponse(int created, List<String> rmaNumbers) {
  }

  @PostMapping("/api/bench/waiting-returns")
  public WaitingReturnsResponse waitingReturns(@Valid @RequestBody WaitingReturnsRequest request) {
    List<String> created = waitingReturns.create(request.count(), request.step());
    return new WaitingReturnsResponse(created.size(), created);
  }
}
