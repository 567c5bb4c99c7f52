package io.openrma.webhooks;

import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import io.openrma.process.InboundEvent;
import io.openrma.process.ReturnEvents;
import io.openrma.returns.Actor;
import io.openrma.system.ApiProblems;
import io.openrma.returns.ReturnService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/warehouse/arrivals}: the warehouse system scanned a returned parcel. Moves the
 * return to inspection exactly once per scan id; a scan that comes before the process waits for it
 * is kept and delivered later.
 */
@RestController
@Tag(name = "Warehouse", description = "Arrival scans of returned parcels")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "token")
public class WarehouseArrivalController {

  private final ReturnEvents events;
  private final ReturnService returns;

  WarehouseArrivalController(ReturnEvents events, ReturnService returns) {
    this.events = events;
    this.returns = returns;
  }

  /**
   * One arrival scan; identify the return by RMA number or by the label's tracking number.
   *
   * @param lines optional per-line counts from the scan
   */
  public record ArrivalScan(@NotBlank @Size(max = 200) String scanId, @Size(max = 20) String rmaNumber,
      @Size(max = 64) String trackingNumber, @NotNull Instant scannedAt, @Size(max = 100) String location,
      List<@Valid ScannedLine> lines) {
  }

  public record ScannedLine(@NotBlank String sku, @NotNull @PositiveOrZero Integer quantity) {
  }

  @PostMapping("/api/warehouse/arrivals")
  @Operation(summary = "Report a returned parcel's arrival at the warehouse", description = "200 when processed (or already processed: same scanId), 202 when kept until the return is "
      + "ready, 404 for an unknown return, 409 for a return that was cancelled, rejected or has expired.")
  public ResponseEntity<InboundEventResponse> arrival(@Valid @RequestBody ArrivalScan scan, Principal principal) {
    String rmaNumber = resolve(scan);
    String counted = scan.lines() == null || scan.lines().isEmpty()
        ? ""
        : "; counted "
            + scan.lines().stream().map(l -> l.quantity() + "x " + l.sku()).collect(Collectors.joining(", "));
    InboundEvent.Outcome outcome = events.arrived(scan.scanId(), rmaNumber, scan.location(),
        "Parcel scanned at " + (scan.location() == null ? "the warehouse" : scan.location()) + " (scan "
            + scan.scanId() + ", " + scan.scannedAt() + ")" + counted,
        Actor.user(principal.getName()));
    return InboundEventResponse.of(rmaNumber, outcome, returns.get(rmaNumber).status());
  }

  private String resolve(ArrivalScan scan) {
    if (scan.rmaNumber() != null && !scan.rmaNumber().isBlank()) {
      return returns.get(scan.rmaNumber().trim()).rmaNumber();
    }
    if (scan.trackingNumber() != null && !scan.trackingNumber().isBlank()) {
      return returns.rmaNumberByTracking(scan.trackingNumber().trim()).orElseThrow(() -> new ApiProblems.NotFound(
          "No return has the tracking number " + scan.trackingNumber() + "."));
    }
    throw new ApiProblems.InvalidRequest("rmaNumber", "or trackingNumber is required to find the return");
  }
}
