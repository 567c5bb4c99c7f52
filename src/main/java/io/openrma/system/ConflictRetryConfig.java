package io.openrma.system;

import java.util.List;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.retry.support.RetryTemplate;

/**
 * {@code conflictRetry}: repeats a whole transaction that lost a race with another change to the same
 * process instance (the engine's optimistic locking) or the same return (its version, its row lock).
 * Each attempt is a fresh transaction, so callers use it outside their transactional service call.
 */
@Configuration(proxyBeanMethods = false)
class ConflictRetryConfig {

  @Bean
  RetryTemplate conflictRetry() {
    return RetryTemplate.builder()
        .maxAttempts(4)
        .uniformRandomBackoff(20, 80)
        .retryOn(List.of(OptimisticLockingException.class, OptimisticLockingFailureException.class,
            PessimisticLockingFailureException.class))
        .traversingCauses()
        .build();
  }
}
