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
import java.util.AbstractMap;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;

/**
 * What expressions may reach inside the engine.
 *
 * <p><b>Beans:</b> process expressions see only the beans a diagram needs — delegates, listeners and
 * the settings beans named in {@code openrma.security.expression-beans} — instead of the whole Spring
 * context, where a diagram deployed from the Modeler could read, say, {@code ${dataSource.password}}.
 *
 * <p><b>Queries:</b> an engine-level guard for query expressions: whatever way a task query reaches the engine
 * (REST, the webapps, a stored filter, an {@code orQueries} branch, a filter extended by a
 * request, the Java API), its expressions are checked against {@link QueryExpressionPolicy}
 * at the moment the engine would evaluate them, and refused with a {@link BadUserRequestException}
 * (HTTP 400) otherwise.
 *
 * <p>In Camunda 7.24 every query evaluates its expressions in one place,
 * {@code AbstractQuery#evaluateExpressions}, with no variable scope ({@code getValue(null)}).
 * The guard checks expressions evaluated without a scope and from that method, so process
 * expressions (and timer start events, which also have no scope) are untouched.
 * {@code EngineHardeningTest} pins this assumption with a canary bean.
 */
@Component
public class ExpressionHardening extends AbstractProcessEnginePlugin implements ApplicationContextAware {

  private static final List<Class<?>> DIAGRAM_BEAN_TYPES = List.of(JavaDelegate.class, ExecutionListener.class,
      TaskListener.class);

  private final List<String> namedBeans;
  private ApplicationContext applicationContext;

  public ExpressionHardening(
      @Value("${openrma.security.expression-beans:lifecycleSettings,reportSettings,outboundSettings}") List<String> namedBeans) {
    this.namedBeans = List.copyOf(namedBeans);
  }

  @Override
  public void setApplicationContext(ApplicationContext applicationContext) {
    this.applicationContext = applicationContext;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setEnableExpressionsInAdhocQueries(false);
    configuration.setEnableExpressionsInStoredQueries(true);
    ExpressionManager restricted = applicationContext == null
        ? configuration.getExpressionManager()
        : new SpringExpressionManager(applicationContext, new DiagramBeans(applicationContext, namedBeans));
    if (restricted != null && !(restricted instanceof GuardedExpressionManager)) {
      configuration.setExpressionManager(new GuardedExpressionManager(restricted));
    }
  }

  /**
   * The beans expressions may use, looked up lazily (the delegates need the engine that is being built):
   * any delegate or listener, and the named settings beans.
   */
  static final class DiagramBeans extends AbstractMap<Object, Object> {
    private final ApplicationContext context;
    private final List<String> named;

    DiagramBeans(ApplicationContext context, List<String> named) {
      this.context = context;
      this.named = named;
    }

    @Override
    public boolean containsKey(Object key) {
      if (!(key instanceof String name) || !context.containsBean(name)) {
        return false;
      }
      if (named.contains(name)) {
        return true;
      }
      Class<?> type = context.getType(name);
      return type != null && DIAGRAM_BEAN_TYPES.stream().anyMatch(allowed -> allowed.isAssignableFrom(type));
    }

    @Override
    public Object get(Object key) {
      return containsKey(key) ? context.getBean((String) key) : null;
    }

    @Override
    public Set<Entry<Object, Object>> entrySet() {
      return Set.of();
    }
  }

  private static final String QUERY_CLASS = "org.camunda.bpm.engine.impl.AbstractQuery";
  private static final StackWalker STACK = StackWalker.getInstance();

  static void checkIfQuery(Expression expression) {
    if (STACK.walk(frames -> frames.limit(12)
        .anyMatch(f -> f.getClassName().equals(QUERY_CLASS) && f.getMethodName().equals("evaluateExpressions")))) {
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
