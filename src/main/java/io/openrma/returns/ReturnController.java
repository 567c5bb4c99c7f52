package io.openrma.returns;

import java.net.URI;
import java.security.Principal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.retry.RetryOperations;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/returns}: create, read, search and cancel returns. */
@RestController
@RequestMapping("/api/returns")
@Validated
@Tag(name = "Returns", description = "The returns record: one truth about every return")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "token")
public class ReturnController {

  private final ReturnCreation creation;
  private final ReturnService returns;
  private final ReturnSearch search;
  private final ReturnWorkflow workflow;
  private final RetryOperations conflicts;

  ReturnController(ReturnCreation creation, ReturnService returns, ReturnSearch search, ReturnWorkflow workflow,
      @Qualifier("conflictRetry") RetryOperations conflicts) {
    this.creation = creation;
    this.returns = returns;
    this.search = search;
    this.workflow = workflow;
    this.conflicts = conflicts;
  }

  @PostMapping
  @Operation(summary = "Create a return and start its lifecycle", description = "The body is the whole order with its lines, "
      + "or an order reference ({\"order\":{\"source\":\"demo\",\"orderNumber\":\"#1001\"},\"customerEmail\":...}) "
      + "whose prices, tax, payment and customer come from the order. 201 with the new return. With an Idempotency-Key, repeating the same request returns the same "
      + "return (200, header Idempotent-Replayed: true); the same key with a different request is a 422.")
  public ResponseEntity<ReturnView> create(@Valid @RequestBody NewReturn request,
      @Parameter(description = "Any unique string per intended return, e.g. a UUID; max. 200 characters") @RequestHeader(value = "Idempotency-Key", required = false) @Size(max = 200) String idempotencyKey,
      Principal principal) {
    ReturnCreation.Created created;
    try {
      created = request instanceof OrderReturnRequest reference
          ? creation.create(reference, blankToNull(idempotencyKey), principal.getName())
          : creation.create((CreateReturnRequest) request, blankToNull(idempotencyKey), principal.getName());
    } catch (DuplicateKeyException concurrentSameKey) {
      created = creation.replay(idempotencyKey, request).orElseThrow(() -> concurrentSameKey);
    }
    ReturnRecord record = created.record();
    MDC.put("rmaNumber", record.rmaNumber());
    ReturnView view = ReturnView.of(record, returns.timeline(record), workflow.position(record.rmaNumber()),
        returns.policyDecision(record).orElse(null));
    if (created.replayed()) {
      return ResponseEntity.ok().header("Idempotent-Replayed", "true").body(view);
    }
    return ResponseEntity.created(URI.create("/api/returns/" + record.rmaNumber())).body(view);
  }

  @GetMapping("/{rmaNumber}")
  @Operation(summary = "A return with its lines, timeline and process position (current step, open task, open incident)")
  public ReturnView get(@PathVariable String rmaNumber) {
    MDC.put("rmaNumber", rmaNumber);
    ReturnRecord record = returns.get(rmaNumber);
    return ReturnView.of(record, returns.timeline(record), workflow.position(rmaNumber),
        returns.policyDecision(record).orElse(null));
  }

  @GetMapping
  @Operation(summary = "Search returns", description = "All filters are optional and combine with AND; newest first. "
      + "Each item is a summary; GET /api/returns/{rmaNumber} has the lines, timeline and process.")
  public ReturnSearch.Page<ReturnSummary> search(@RequestParam(required = false) ReturnStatus status,
      @RequestParam(required = false) String orderId,
      @RequestParam(required = false) String email,
      @RequestParam(required = false) String tracking,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
    return search.search(
        new ReturnSearch.Filter(status, blankToNull(orderId), blankToNull(email), blankToNull(tracking)), page, size);
  }

  /** Why a return is cancelled. */
  public record CancelRequest(@NotBlank @Size(max = 500) String reason) {
  }

  @PostMapping("/{rmaNumber}/status-links/revoke")
  @Operation(summary = "Revoke the customer's status links of a return", description = "Every link to the return's status page sent so far stops working; new emails carry a new one.")
  public ResponseEntity<Void> revokeStatusLinks(@PathVariable String rmaNumber, Principal principal) {
    MDC.put("rmaNumber", rmaNumber);
    returns.revokeStatusLinks(rmaNumber, Actor.user(principal.getName()));
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{rmaNumber}/cancel")
  @Operation(summary = "Cancel a return that has not reached the warehouse", description = "409 once the warehouse has the parcel (RECEIVED or later) or the return has ended.")
  public ReturnView cancel(@PathVariable String rmaNumber, @Valid @RequestBody CancelRequest request,
      Principal principal) {
    MDC.put("rmaNumber", rmaNumber);
    conflicts.execute(retry -> returns.cancel(rmaNumber, request.reason(), Actor.user(principal.getName())));
    ReturnRecord record = returns.get(rmaNumber);
    return ReturnView.of(record, returns.timeline(record), workflow.position(rmaNumber),
        returns.policyDecision(record).orElse(null));
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }
}
