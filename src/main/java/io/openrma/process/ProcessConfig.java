package io.openrma.process;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** Threads of the process glue: {@code @Async("inboxExecutor")} after-commit listeners run here. */
@Configuration(proxyBeanMethods = false)
@EnableAsync
public class ProcessConfig {

  /** Hands early events to processes, and messages to the team chat, after the step that raised them committed. */
  @Bean(destroyMethod = "shutdown")
  ThreadPoolTaskExecutor inboxExecutor() {
    ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
    executor.setThreadNamePrefix("inbox-");
    executor.setCorePoolSize(2);
    executor.setMaxPoolSize(2);
    executor.setQueueCapacity(10_000);
    executor.setWaitForTasksToCompleteOnShutdown(true);
    executor.setAwaitTerminationSeconds(10);
    executor.initialize();
    return executor;
  }
}
