package io.openrma.process;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * A person's form input that a listener refuses ({@link TaskInputException}) is not an engine error:
 * Camunda logs every exception that ends a command at ERROR ("ENGINE-16004 Exception while closing
 * command context"), wrapped in "ENGINE-03051 There was an exception while invoking the TaskListener",
 * so the wrapper hides the cause from its own log-level rules. This filter turns those entries into one
 * INFO line with the message the user saw; everything else is logged as before.
 */
@Component
class TaskInputLogFilter extends TurboFilter implements SmartLifecycle {

  private static final org.slf4j.Logger log = LoggerFactory.getLogger(TaskInputLogFilter.class);

  private volatile boolean running;

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (level == null || !level.isGreaterOrEqual(Level.WARN) || logger.getName().equals(log.getName())) {
      return FilterReply.NEUTRAL;
    }
    Throwable thrown = t != null
        ? t
        : params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last ? last : null;
    TaskInputException refusal = refusal(thrown);
    if (refusal == null) {
      return FilterReply.NEUTRAL;
    }
    log.info("Task input refused: {}", refusal.getMessage());
    return FilterReply.DENY;
  }

  private static TaskInputException refusal(Throwable thrown) {
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      if (cause instanceof TaskInputException refusal) {
        return refusal;
      }
    }
    return null;
  }

  @Override
  public void start() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context && !context.getTurboFilterList()
        .contains(this)) {
      context.addTurboFilter(this);
    }
    running = true;
    super.start();
  }

  @Override
  public void stop() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      context.getTurboFilterList().remove(this);
    }
    running = false;
    super.stop();
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
