package io.openrma.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.stereotype.Component;

/**
 * Nobody outside can lock a user out. Camunda 7 counts wrong passwords per user, whoever sends them: each
 * one delays the next check (3 s, then more) and the tenth locks the user for good (ENGINE-27002) until an
 * administrator unlocks it, so a stranger could stop {@code shipbot} and with it every carrier event. Here the
 * engine's lock is switched off and {@link LoginThrottle} decides instead, per user and source address: every
 * password check of the engine (OpenRMA's API, {@code /engine-rest} Basic auth, the webapps' login) goes through
 * {@link ThrottledIdentityProvider}. Users an earlier version locked are no longer locked.
 */
@Component
public class PasswordCheckHardening extends AbstractProcessEnginePlugin {

  private final LoginThrottle throttle;

  PasswordCheckHardening(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // the engine's own lock, neutralised also where the engine reads these settings itself:
    // no delay after a failure, and never enough failures for the permanent lock
    configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
    configuration.setLoginDelayBase(0);
    configuration.setLoginDelayMaxTime(0);
    configuration.setIdentityProviderSessionFactory(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return ThrottledIdentityProvider.class;
      }

      @Override
      public Session openSession() {
        return new ThrottledIdentityProvider(throttle);
      }
    });
  }

  /**
   * The engine's database identity provider, with {@link LoginThrottle} in front of the password check
   * instead of the engine's lock: a refused address is answered "wrong" without looking at the password.
   */
  static class ThrottledIdentityProvider extends DbIdentityServiceProvider {

    private final LoginThrottle throttle;

    ThrottledIdentityProvider(LoginThrottle throttle) {
      this.throttle = throttle;
    }

    @Override
    public boolean checkPassword(String userId, String password) {
      String address = ClientAddress.current();
      if (throttle.refusedFor(userId, address).isPresent()) {
        return false;
      }
      boolean right = super.checkPassword(userId, password);
      if (right) {
        throttle.succeeded(userId, address);
      } else {
        throttle.failed(userId, address);
      }
      return right;
    }

    /** Never locked by failed attempts (the throttle refuses addresses, not users). */
    @Override
    protected boolean isUserLocked(UserEntity user) {
      return false;
    }

    /** Nothing to count in the user's row: the throttle counts. */
    @Override
    protected void lockUser(UserEntity user) {
      // deliberately empty
    }
  }
}
