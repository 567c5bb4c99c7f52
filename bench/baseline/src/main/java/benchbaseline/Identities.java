package benchbaseline;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.springframework.stereotype.Component;

/**
 * The partners of OpenRMA's demo run, none of them an admin (members of camunda-admin skip every
 * authorization check): carl (customer-service) starts instances, shipbot (integrations) and walt
 * (warehouse) correlate the messages, walt works the task. Passwords are the names. Each group gets
 * what that needs and no more; walt reaches the task through its candidate group, which the engine
 * turns into a TASK_WORK grant on the task ({@code default-user-permission-name-for-task}).
 * Runs when the engine is built, before the web server accepts requests; idempotent.
 */
@Component
public class Identities extends AbstractProcessEnginePlugin {

  static final String[][] USERS = {
      {"carl", "customer-service"}, {"shipbot", "integrations"}, {"walt", "warehouse"}};

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    AuthorizationService authorizations = engine.getAuthorizationService();
    for (String[] u : USERS) {
      if (identity.createGroupQuery().groupId(u[1]).count() == 0) {
        Group group = identity.newGroup(u[1]);
        group.setName(u[1]);
        group.setType(org.camunda.bpm.engine.authorization.Groups.GROUP_TYPE_WORKFLOW);
        identity.saveGroup(group);
      }
      if (identity.createUserQuery().userId(u[0]).count() == 0) {
        User user = identity.newUser(u[0]);
        user.setFirstName(u[0]);
        user.setLastName("Bench");
        user.setEmail(u[0] + "@openrma.example");
        user.setPassword(u[0]);
        identity.saveUser(user);
        identity.createMembership(u[0], u[1]);
      }
    }
    String key = BaselineApplication.PROCESS_KEY;
    // customer service starts instances
    grant(authorizations, "customer-service", Resources.PROCESS_DEFINITION, key,
        Permissions.READ, Permissions.CREATE_INSTANCE);
    grant(authorizations, "customer-service", Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
    // the carrier and the warehouse find waiting instances and correlate their messages
    for (String group : new String[]{"integrations", "warehouse"}) {
      grant(authorizations, group, Resources.PROCESS_DEFINITION, key,
          Permissions.READ, Permissions.READ_INSTANCE, Permissions.UPDATE_INSTANCE);
    }
  }

  private static void grant(AuthorizationService authorizations, String groupId, Resource resource,
      String resourceId, Permission... permissions) {
    if (authorizations.createAuthorizationQuery().groupIdIn(groupId).resourceType(resource).resourceId(resourceId)
        .count() > 0) {
      return;
    }
    Authorization authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
    authorization.setGroupId(groupId);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    authorizations.saveAuthorization(authorization);
  }
}
