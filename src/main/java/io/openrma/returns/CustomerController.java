package io.openrma.returns;

import java.security.Principal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/customers}: what the merchant owes a customer about their data. Administrators only. */
@RestController
@Tag(name = "Customers", description = "Erasure of a customer's personal data")
@SecurityRequirement(name = "basic")
public class CustomerController {

  private final CustomerErasure erasure;

  public CustomerController(CustomerErasure erasure) {
    this.erasure = erasure;
  }

  @PostMapping("/api/customers/{customerId}/erase")
  @Operation(summary = "Erase a customer's personal data from all their returns, the timelines and the process history", description = "404 if the customer has no returns, 409 while one of them is still in progress. Amounts, items "
      + "and statuses stay.")
  public CustomerErasure.Result erase(@PathVariable String customerId, Principal principal) {
    return erasure.erase(customerId, Actor.user(principal.getName()));
  }
}
