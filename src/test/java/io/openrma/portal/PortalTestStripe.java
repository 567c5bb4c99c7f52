package io.openrma.portal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.openrma.integrations.payments.PaymentGateway;
import io.openrma.integrations.payments.PaymentGateway.StoreCreditCommand;
import io.openrma.integrations.payments.SimulatedPaymentGateway;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The simulated Stripe of the portal's tests, which also tells what store credit it was asked to give. */
@TestConfiguration(proxyBeanMethods = false)
class PortalTestStripe {

  @Bean
  Credits storeCreditsAtStripe() {
    return new Credits();
  }

  /** The simulator, remembering each store credit by the return it is for. */
  @Bean
  @Primary
  PaymentGateway portalTestStripe(Credits credits) {
    return new SimulatedPaymentGateway() {
      @Override
      public String issueStoreCredit(StoreCreditCommand command) {
        credits.seen.put(command.rmaNumber(), command);
        return super.issueStoreCredit(command);
      }
    };
  }

  /** The store credits Stripe was asked for. */
  static class Credits {

    private final Map<String, StoreCreditCommand> seen = new ConcurrentHashMap<>();

    Optional<StoreCreditCommand> creditFor(String rmaNumber) {
      return Optional.ofNullable(seen.get(rmaNumber));
    }
  }
}
