package io.openrma.process;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import camundajar.impl.scala.runtime.BoxesRunTime;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;
import camundajar.impl.scala.util.Right;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.context.VariableProvider.CompositeVariableProvider;
import org.camunda.feel.context.VariableProvider.StaticVariableProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Parses each FEEL expression of the decision tables once. Camunda 7's FEEL engine parses every
 * input and output entry again on every evaluation, and that parsing was half the CPU of creating a
 * return (bench/README.md). Evaluation stays the FEEL engine's own, with the context Camunda builds;
 * only the parsed syntax tree, which is immutable, is kept, by expression text. Expressions that do
 * not parse are not cached: the engine reports them as before. {@code openrma.engine.feel-parse-cache=false}
 * turns it off (bench/configs/stock.properties does, to measure it).
 */
@Component
@ConditionalOnProperty(name = "openrma.engine.feel-parse-cache", havingValue = "true", matchIfMissing = true)
public class ParsedFeelCache extends AbstractProcessEnginePlugin {

  /** More than any decision table OpenRMA deploys; beyond it, new expressions are parsed each time. */
  static final int MAX_EXPRESSIONS = 5_000;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.isDmnFeelEnableLegacyBehavior()) {
      return; // the legacy FEEL engine caches on its own
    }
    DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration();
    if (dmn == null) {
      dmn = (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
      configuration.setDmnEngineConfiguration(dmn);
    }
    DefaultDmnEngineConfiguration target = dmn;
    // the engine hands the custom function providers to the DMN configuration before it creates the FEEL engine
    dmn.setFeelEngineFactory(() -> new CachingFeelEngine(target.getFeelCustomFunctionProviders()));
  }

  /** Camunda's FEEL engine with parsed expressions kept. */
  public static final class CachingFeelEngine extends ScalaFeelEngine {

    private final Map<String, ParsedExpression> unaryTests = new ConcurrentHashMap<>();
    private final Map<String, ParsedExpression> expressions = new ConcurrentHashMap<>();

    public CachingFeelEngine(java.util.List<FeelCustomFunctionProvider> functionProviders) {
      super(functionProviders);
    }

    @Override
    public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
      ParsedExpression parsed = parsed(expressions, expression, feelEngine::parseExpression);
      if (parsed == null) {
        return super.evaluateSimpleExpression(expression, variableContext);
      }
      CustomContext context = new CustomContext() {
        @Override
        public VariableProvider variableProvider() {
          return new ContextVariableWrapper(variableContext);
        }
      };
      @SuppressWarnings("unchecked")
      T value = (T) valueOf(feelEngine.eval(parsed, context));
      return value;
    }

    @Override
    public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variableContext) {
      ParsedExpression parsed = parsed(unaryTests, expression, feelEngine::parseUnaryTests);
      if (parsed == null) {
        return super.evaluateSimpleUnaryTests(expression, inputVariable, variableContext);
      }
      // the same context as ScalaFeelEngine#evaluateSimpleUnaryTests
      StaticVariableProvider input = new StaticVariableProvider(
          new camundajar.impl.scala.collection.immutable.Map.Map1<>(INPUT_VARIABLE_NAME, inputVariable));
      ContextVariableWrapper variables = new ContextVariableWrapper(variableContext);
      CustomContext context = new CustomContext() {
        @Override
        public VariableProvider variableProvider() {
          return new CompositeVariableProvider(toScalaList(input, variables));
        }
      };
      return BoxesRunTime.unboxToBoolean(valueOf(feelEngine.eval(parsed, context)));
    }

    private static ParsedExpression parsed(Map<String, ParsedExpression> cache, String expression,
        Function<String, Either<Failure, ParsedExpression>> parser) {
      ParsedExpression parsed = cache.get(expression);
      if (parsed != null) {
        return parsed;
      }
      Either<Failure, ParsedExpression> result = parser.apply(expression);
      if (!(result instanceof Right<Failure, ParsedExpression> right)) {
        return null;
      }
      if (cache.size() < MAX_EXPRESSIONS) {
        cache.put(expression, right.value());
      }
      return right.value();
    }

    private static Object valueOf(Either<Failure, Object> result) {
      if (result instanceof Right<Failure, Object> right) {
        return right.value();
      }
      throw LOGGER.evaluationException(((Left<Failure, Object>) result).value().message());
    }
  }
}
