package io.openrma.support;

import io.openrma.integrations.bookkeeping.Bookkeeping;
import io.openrma.integrations.bookkeeping.SimulatedBookkeeping;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.openrma.integrations.helpdesk.Helpdesk;
import io.openrma.integrations.notifications.EmailSender;
import io.openrma.integrations.payments.PaymentGateway;
import io.openrma.integrations.shipping.ReturnLabelProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Makes the integrations of a test context fail on demand: {@code faults.failNext("refund", 2)} lets
 * the next two calls of any integration method named {@code refund} throw, as a provider that is down
 * would. Counts every call, so tests can check that a retry did not call again.
 */
public class Faults implements BeanPostProcessor {

  private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

  public void failNext(String method, int times) {
    failures.computeIfAbsent(method, m -> new AtomicInteger()).set(times);
  }

  public int calls(String method) {
    return calls.getOrDefault(method, new AtomicInteger()).get();
  }

  public void reset() {
    failures.clear();
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof SimulatedBookkeeping) {
      return wrap(Bookkeeping.class, bean); // the live adapter stays itself: its health and connect flow need it
    }
    for (Class<?> type : new Class<?>[]{PaymentGateway.class, ReturnLabelProvider.class, Helpdesk.class,
        EmailSender.class}) {
      if (type.isInstance(bean)) {
        return wrap(type, bean);
      }
    }
    return bean;
  }

  private Object wrap(Class<?> type, Object target) {
    InvocationHandler handler = (proxy, method, args) -> {
      if (method.getDeclaringClass() == Object.class) {
        return method.invoke(target, args);
      }
      calls.computeIfAbsent(method.getName(), m -> new AtomicInteger()).incrementAndGet();
      AtomicInteger remaining = failures.get(method.getName());
      if (remaining != null && remaining.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        throw new IllegalStateException("injected fault: " + type.getSimpleName() + "." + method.getName()
            + " is unavailable (HTTP 503)");
      }
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    };
    return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, handler);
  }
}
