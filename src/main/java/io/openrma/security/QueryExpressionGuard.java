package io.openrma.security;

import org.camunda.bpm.dmn.engine.impl.spi.el.ElProvider;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.BaseDelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.ElProviderCompatible;
import org.camunda.bpm.engine.impl.el.Expression;
import org.camunda.bpm.engine.impl.el.ExpressionManager;
import org.springframework.stereotype.Component;

import java.lang.reflect.Method;

/**
 * Engine-level guard for query expressions: whatever way a task query reaches the engine
 * (REST, the webapps, a stored filter, an {@code orQueries} branch, a filter extended by a
 * request, the Java API), its expressions are checked against {@link QueryExpressionPolicy}
 * at the moment the engine would evaluate them, and refused with a {@link BadUserRequestException}
 * (HTTP 400) otherwise.
 *
 * <p>In Camunda 7.24 every query evaluates its expressions in one place,
 * {@code AbstractQuery#evaluateExpressions}, with no variable scope ({@code getValue(null)}).
 * The guard checks expressions evaluated without a scope and from that method, so process
 * expressions (and timer start events, which also have no scope) are untouched.
 * {@code QueryExpressionGuardTest} pins this assumption with a canary bean.
 */
@Component
public class QueryExpressionGuard extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setEnableExpressionsInAdhocQueries(false);
    configuration.setEnableExpressionsInStoredQueries(true);
    ExpressionManager current = configuration.getExpressionManager();
    if (current != null && !(current instanceof GuardedExpressionManager)) {
      configuration.setExpressionManager(new GuardedExpressionManager(current));
    }
  }

  private static final String QUERY_CLASS = "org.camunda.bpm.engine.impl.AbstractQuery";
  private static final StackWalker STACK = StackWalker.getInstance();

  static void checkIfQuery(Expression expression) {
    if (STACK.walk(frames -> frames.limit(12).anyMatch(f ->
        f.getClassName().equals(QUERY_CLASS) && f.getMethodName().equals("evaluateExpressions")))) {
      check(expression.getExpressionText());
    }
  }

  static void check(String expressionText) {
    if (!QueryExpressionPolicy.isAllowed(expressionText)) {
      throw new BadUserRequestException("Expression '" + abbreviate(expressionText)
          + "' is not allowed in a task query: " + QueryExpressionPolicy.describeAllowed());
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 77) + "...";
  }

  static final class GuardedExpressionManager implements ExpressionManager, ElProviderCompatible {
    private final ExpressionManager delegate;

    GuardedExpressionManager(ExpressionManager delegate) {
      this.delegate = delegate;
    }

    @Override
    public Expression createExpression(String expression) {
      return new GuardedExpression(delegate.createExpression(expression));
    }

    @Override
    public void addFunction(String name, Method function) {
      delegate.addFunction(name, function);
    }

    @Override
    public ElProvider toElProvider() {
      return ((ElProviderCompatible) delegate).toElProvider();
    }
  }

  record GuardedExpression(Expression delegate) implements Expression {

    @Override
    public Object getValue(VariableScope variableScope) {
      if (variableScope == null) {
        checkIfQuery(delegate);
      }
      return delegate.getValue(variableScope);
    }

    @Override
    public Object getValue(VariableScope variableScope, BaseDelegateExecution contextExecution) {
      if (variableScope == null && contextExecution == null) {
        checkIfQuery(delegate);
      }
      return delegate.getValue(variableScope, contextExecution);
    }

    @Override
    public void setValue(Object value, VariableScope variableScope) {
      delegate.setValue(value, variableScope);
    }

    @Override
    public void setValue(Object value, VariableScope variableScope, BaseDelegateExecution contextExecution) {
      delegate.setValue(value, variableScope, contextExecution);
    }

    @Override
    public String getExpressionText() {
      return delegate.getExpressionText();
    }

    @Override
    public boolean isLiteralText() {
      return delegate.isLiteralText();
    }
  }
}
