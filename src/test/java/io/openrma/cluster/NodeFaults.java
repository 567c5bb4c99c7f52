package io.openrma.cluster;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import javax.sql.DataSource;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * Faults a cluster test injects into one node, as the real world would: a database connection that
 * breaks in the middle of a job or of a request, a node that dies (every database call fails from
 * that moment on, so it can neither finish nor release what it holds), and a step that fails right
 * after the refund succeeded. Registered in each node's context; the test reaches a node's faults
 * through {@link #of(String)}.
 */
public class NodeFaults implements BeanPostProcessor {

  private static final Map<String, NodeFaults> NODES = new ConcurrentHashMap<>();

  private final String node;
  private volatile boolean dead;
  private volatile Predicate<Thread> breakNextCommitOn = null;
  private volatile Predicate<Thread> breakNextConnectionFor = null;
  /** Shared by all nodes: the step fails once in the cluster, whichever node runs it. */
  private static final Set<String> failAfterRefund = ConcurrentHashMap.newKeySet();
  private final AtomicInteger injected = new AtomicInteger();

  public NodeFaults(String node) {
    this.node = node;
    NODES.put(node, this);
  }

  public static NodeFaults of(String node) {
    return NODES.get(node);
  }

  /** From now on every database call of this node fails: the node is gone. */
  public void kill() {
    dead = true;
  }

  /** The next commit on a thread matching {@code threads} fails as if the connection dropped. */
  public void breakNextCommit(Predicate<Thread> threads) {
    breakNextCommitOn = threads;
  }

  /** The next connection a thread matching {@code threads} asks for cannot be had. */
  public void breakNextConnection(Predicate<Thread> threads) {
    breakNextConnectionFor = threads;
  }

  /** "Update returns record: refunded" of this return fails once, after the refund went through. */
  public void failOnceAfterRefund(String rmaNumber) {
    failAfterRefund.add(rmaNumber);
  }

  public int injected() {
    return injected.get();
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof DataSource dataSource && "dataSource".equals(beanName)) {
      return Proxy.newProxyInstance(getClass().getClassLoader(),
          new Class<?>[]{DataSource.class, java.io.Closeable.class},
          (proxy, method, args) -> {
            if (method.getName().equals("getConnection")) {
              checkAlive();
              Predicate<Thread> threads = breakNextConnectionFor;
              if (threads != null && threads.test(Thread.currentThread())) {
                breakNextConnectionFor = null;
                injected.incrementAndGet();
                throw new SQLTransientConnectionException(
                    "injected: connection to the database refused (" + node + ")");
              }
              return connection((Connection) invoke(dataSource, method, args));
            }
            return invoke(dataSource, method, args);
          });
    }
    if (bean instanceof JavaDelegate delegate && "updateReturnsRecordRefundedDelegate".equals(beanName)) {
      return (JavaDelegate) execution -> {
        String rmaNumber = execution.getProcessBusinessKey();
        if (failAfterRefund.remove(rmaNumber)) {
          injected.incrementAndGet();
          throw new DataAccessResourceFailureException(
              "injected: database connection lost while updating " + rmaNumber);
        }
        delegate.execute(execution);
      };
    }
    return bean;
  }

  private Connection connection(Connection target) {
    InvocationHandler handler = (proxy, method, args) -> {
      checkAlive();
      if (method.getName().equals("commit")) {
        Predicate<Thread> threads = breakNextCommitOn;
        if (threads != null && threads.test(Thread.currentThread())) {
          breakNextCommitOn = null;
          injected.incrementAndGet();
          target.rollback();
          throw new SQLException("injected: connection reset while committing (" + node + ")", "08006");
        }
      }
      return invoke(target, method, args);
    };
    return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Connection.class}, handler);
  }

  private void checkAlive() throws SQLException {
    if (dead) {
      throw new SQLException("node " + node + " was killed", "08006");
    }
  }

  private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

}
