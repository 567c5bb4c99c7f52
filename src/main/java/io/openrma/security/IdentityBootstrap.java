package io.openrma.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.openrma.process.ProcessIds;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.Direction;
import org.camunda.bpm.engine.impl.QueryOrderingProperty;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.TaskQueryProperty;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Creates OpenRMA's groups, their grants and Tasklist filters on every start (idempotently), the
 * first administrator, and in the demo run the demo users of the README.
 *
 * <p>Runs when the engine is built, before the web server accepts requests, so there is no moment
 * in which the engine has no user and the Admin setup page would be reachable.
 * Each group gets exactly what its work needs; see {@link #grantsFor(String)}.
 */
@Component
public class IdentityBootstrap extends AbstractProcessEnginePlugin {

  /** Demo users: id, password (= id), first name, last name, group. Only created when demo users are enabled. */
  static final List<String[]> DEMO_USERS = List.of(
      new String[]{"admin", "Ada", "Admin", Groups.ADMIN},
      new String[]{"anna", "Anna", "Analyst", Groups.ANALYSTS},
      new String[]{"carl", "Carl", "Service", Groups.CUSTOMER_SERVICE},
      new String[]{"walt", "Walt", "Warehouse", Groups.WAREHOUSE},
      new String[]{"fiona", "Fiona", "Finance", Groups.FINANCE},
      new String[]{"shipbot", "Ship", "Bot", Groups.INTEGRATIONS});

  public static final String FILTER_NAME_PREFIX = "My group's tasks";

  private static final Logger log = LoggerFactory.getLogger(IdentityBootstrap.class);

  private final SecurityProperties properties;

  public IdentityBootstrap(SecurityProperties properties) {
    this.properties = properties;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    if (!properties.demoUsers() && (properties.adminPassword() == null || properties.adminPassword().isBlank())) {
      throw new MissingAdminPasswordException(properties.adminUser());
    }
    IdentityService identity = engine.getIdentityService();
    AuthorizationService authorizations = engine.getAuthorizationService();
    for (String groupId : Groups.ALL) {
      ensureGroup(identity, groupId);
      grantsFor(groupId).forEach((resource, permissions) -> permissions
          .forEach((resourceId, perms) -> grant(authorizations, groupId, resource, resourceId, perms)));
    }
    for (String groupId : List.of(Groups.CUSTOMER_SERVICE, Groups.WAREHOUSE, Groups.FINANCE)) {
      String filterId = ensureGroupFilter(engine.getFilterService(), engine.getTaskService(), groupId);
      grant(authorizations, groupId, Resources.FILTER, filterId, new Permission[]{Permissions.READ});
    }
    if (properties.demoUsers()) {
      for (String[] demo : DEMO_USERS) {
        ensureUser(identity, demo[0], demo[0], demo[1], demo[2], demo[3]);
      }
      log.warn("Demo users created with their names as passwords (admin/admin, anna, carl, walt, fiona, shipbot): "
          + "for evaluation only, never in production (use the postgres profile there)");
    } else {
      ensureUser(identity, properties.adminUser(), properties.adminPassword(), "OpenRMA", "Administrator",
          Groups.ADMIN);
    }
  }

  /**
   * Resource type to resource id to permissions, per group. Process-definition grants name the
   * definitions the group works with; tasks are reachable through candidate groups, which the engine
   * turns into TASK_WORK grants on each task ({@code defaultUserPermissionNameForTask}).
   */
  static Map<Resource, Map<String, Permission[]>> grantsFor(String groupId) {
    Map<Resource, Map<String, Permission[]>> grants = new LinkedHashMap<>();
    switch (groupId) {
      case Groups.ADMIN -> {
        for (Resources resource : Resources.values()) {
          grants.put(resource, Map.of(ANY, new Permission[]{Permissions.ALL}));
        }
      }
      case Groups.ANALYSTS -> {
        grants.put(Resources.APPLICATION, Map.of("cockpit", access(), "welcome", access()));
        grants.put(Resources.PROCESS_DEFINITION, Map.of(ANY, new Permission[]{
            Permissions.READ, Permissions.READ_HISTORY, Permissions.READ_INSTANCE}));
        grants.put(Resources.DECISION_DEFINITION,
            Map.of(ANY, new Permission[]{Permissions.READ, Permissions.READ_HISTORY}));
        grants.put(Resources.DECISION_REQUIREMENTS_DEFINITION, Map.of(ANY, new Permission[]{Permissions.READ}));
        grants.put(Resources.DEPLOYMENT, Map.of(ANY, new Permission[]{Permissions.CREATE, Permissions.READ}));
      }
      case Groups.CUSTOMER_SERVICE, Groups.WAREHOUSE, Groups.FINANCE -> {
        grants.put(Resources.APPLICATION, Map.of("tasklist", access(), "welcome", access()));
        grants.put(Resources.PROCESS_DEFINITION, Map.of(ProcessIds.RMA_LIFECYCLE, new Permission[]{Permissions.READ}));
      }
      default -> {
        // integrations: machine users of OpenRMA's own API; nothing in the engine
      }
    }
    return grants;
  }

  private static Permission[] access() {
    return new Permission[]{Permissions.ACCESS};
  }

  private static void ensureGroup(IdentityService identity, String groupId) {
    idempotent(() -> identity.createGroupQuery().groupId(groupId).count() > 0, () -> {
      Group group = identity.newGroup(groupId);
      group.setName(Groups.displayName(groupId));
      group.setType(Groups.ADMIN.equals(groupId)
          ? org.camunda.bpm.engine.authorization.Groups.GROUP_TYPE_SYSTEM
          : org.camunda.bpm.engine.authorization.Groups.GROUP_TYPE_WORKFLOW);
      identity.saveGroup(group);
    });
  }

  private static void ensureUser(IdentityService identity, String userId, String password, String firstName,
      String lastName, String groupId) {
    idempotent(() -> identity.createUserQuery().userId(userId).count() > 0, () -> {
      User user = identity.newUser(userId);
      user.setFirstName(firstName);
      user.setLastName(lastName);
      user.setEmail(userId + "@openrma.example");
      user.setPassword(password);
      identity.saveUser(user);
      log.info("Created user {}", userId);
    });
    idempotent(() -> identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() > 0,
        () -> identity.createMembership(userId, groupId));
  }

  private static void grant(AuthorizationService authorizations, String groupId, Resource resource, String resourceId,
      Permission[] permissions) {
    idempotent(() -> {
      Authorization existing = authorizations.createAuthorizationQuery()
          .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).singleResult();
      if (existing == null) {
        return false;
      }
      boolean complete = true;
      for (Permission permission : permissions) {
        complete &= existing.isPermissionGranted(permission);
      }
      if (!complete) {
        for (Permission permission : permissions) {
          existing.addPermission(permission);
        }
        authorizations.saveAuthorization(existing);
      }
      return true;
    }, () -> {
      Authorization authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(groupId);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
      for (Permission permission : permissions) {
        authorization.addPermission(permission);
      }
      authorizations.saveAuthorization(authorization);
    });
  }

  /**
   * "My group's tasks" for one group: the tasks of every group the user is in, assigned ones included,
   * oldest first. No variable columns: group users may not read process variables, so such a column
   * would stay empty; the task's name carries the RMA and its items instead
   * ({@code process/TaskCards}). A filter from an earlier version is brought up to this definition.
   */
  private static String ensureGroupFilter(FilterService filters, TaskService tasks, String groupId) {
    String name = FILTER_NAME_PREFIX + " (" + Groups.displayName(groupId) + ")";
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", "Tasks for the groups you are in, including the ones already claimed, oldest first");
    properties.put("priority", switch (groupId) {
      case Groups.CUSTOMER_SERVICE -> 10;
      case Groups.WAREHOUSE -> 20;
      default -> 30;
    });
    properties.put("refresh", true);
    TaskQuery query = tasks.createTaskQuery()
        .taskCandidateGroupInExpression("${currentUserGroups()}")
        .includeAssignedTasks()
        .orderByTaskCreateTime().asc();
    Filter existing = filters.createFilterQuery().filterName(name).singleResult();
    if (existing != null) {
      if (!properties.equals(existing.getProperties()) || !sortsOldestFirst(existing)) {
        try {
          filters.saveFilter(existing.setProperties(properties).setQuery(query));
        } catch (ProcessEngineException perhapsAnotherNodeDidTheSame) {
          log.warn("Could not bring the filter '{}' up to date (another node starting at the same moment may have "
              + "done it): {}", name, perhapsAnotherNodeDidTheSame.getMessage());
        }
      }
      return existing.getId();
    }
    Filter filter = filters.newTaskFilter(name).setProperties(properties).setQuery(query);
    try {
      filters.saveFilter(filter);
    } catch (ProcessEngineException raceWithAnotherNode) {
      Filter other = filters.createFilterQuery().filterName(name).singleResult();
      if (other == null) {
        throw raceWithAnotherNode;
      }
      return other.getId();
    }
    return filter.getId();
  }

  private static boolean sortsOldestFirst(Filter filter) {
    List<QueryOrderingProperty> ordering = ((TaskQueryImpl) filter.getQuery()).getOrderingProperties();
    return ordering != null && !ordering.isEmpty()
        && TaskQueryProperty.CREATE_TIME.equals(ordering.get(0).getQueryProperty())
        && Direction.ASCENDING.equals(ordering.get(0).getDirection());
  }

  /** Creates something unless it exists; tolerates another node creating it at the same moment. */
  private static void idempotent(Supplier<Boolean> exists, Runnable create) {
    if (exists.get()) {
      return;
    }
    try {
      create.run();
    } catch (ProcessEngineException e) {
      if (!exists.get()) {
        throw e;
      }
    }
  }

  /** Startup stops here under the postgres profile when no admin password is configured. */
  public static class MissingAdminPasswordException extends IllegalStateException {
    public MissingAdminPasswordException(String adminUser) {
      super("No password for the OpenRMA administrator '" + adminUser + "': set OPENRMA_ADMIN_PASSWORD "
          + "(openrma.security.admin-password). Demo users exist only in the default H2 demo run.");
    }
  }
}
