package io.openrma.security;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Analysts deploy diagrams from the Modeler, but only administrators may deploy code. A deployment
 * made by anyone outside {@code camunda-admin} is refused (400, naming the element) if it contains
 * something that runs code of its own: script tasks or scripts anywhere ({@code camunda:script},
 * script conditions), Java classes ({@code camunda:class}), expressions that call a method or
 * function ({@code ${bean.method(...)}}), or DMN expressions in a language other than FEEL.
 * What a diagram may still use: delegate expressions naming OpenRMA's delegates, conditions over
 * variables, the settings beans (see {@link ExpressionHardening}). Deployments at startup and by
 * administrators are not restricted.
 */
@Component
public class DeploymentGuard extends AbstractProcessEnginePlugin {

  private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
  private static final Pattern CALL = Pattern.compile("[$#]\\{[^}]*\\(");

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<Deployer> deployers = configuration.getCustomPreDeployers() == null
        ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomPreDeployers());
    deployers.add(this::check);
    configuration.setCustomPreDeployers(deployers);
  }

  private void check(DeploymentEntity deployment) {
    Authentication authentication = Context.getCommandContext() == null
        ? null
        : Context.getCommandContext().getAuthentication();
    if (authentication == null || authentication.getUserId() == null
        || (authentication.getGroupIds() != null && authentication.getGroupIds().contains(Groups.ADMIN))) {
      return;
    }
    List<String> problems = new ArrayList<>();
    for (ResourceEntity resource : deployment.getResources().values()) {
      String name = resource.getName().toLowerCase(Locale.ROOT);
      if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml") || name.endsWith(".dmn") || name.endsWith(".dmn11.xml")
          || name.endsWith(".cmmn")) {
        inspect(resource.getName(), resource.getBytes(), problems);
      }
    }
    if (!problems.isEmpty()) {
      throw new BadUserRequestException("Deployment refused: only administrators may deploy diagrams that run code "
          + "of their own. " + String.join("; ", problems));
    }
  }

  /**
   * What an analyst's deployment may not contain, each naming its element (the same check a deployment from the
   * Modeler passes); empty when the file passes. For drafts that are tried before they are deployed.
   */
  public static List<String> problems(String resourceName, byte[] xml) {
    List<String> problems = new java.util.ArrayList<>();
    inspect(resourceName, xml, problems);
    return problems;
  }

  static void inspect(String resourceName, byte[] xml, List<String> problems) {
    Document document;
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      DocumentBuilder builder = factory.newDocumentBuilder();
      document = builder.parse(new ByteArrayInputStream(xml));
    } catch (Exception e) {
      return; // not well-formed: the engine's own parser reports it
    }
    walk(resourceName, document.getDocumentElement(), problems);
  }

  private static void walk(String resource, Element element, List<String> problems) {
    String where = resource + " " + element.getLocalName() + idOf(element);
    String local = element.getLocalName();
    if ("scriptTask".equals(local) || ("script".equals(local) && CAMUNDA_NS.equals(element.getNamespaceURI()))) {
      problems.add(where + ": scripts are not allowed");
    }
    if ("conditionExpression".equals(local) && element.hasAttribute("language")) {
      problems.add(where + ": script conditions are not allowed");
    }
    if (("inputExpression".equals(local) || "inputEntry".equals(local) || "outputEntry".equals(local)
        || "literalExpression".equals(local)) && element.hasAttribute("expressionLanguage")
        && !element.getAttribute("expressionLanguage").toLowerCase(Locale.ROOT).contains("feel")) {
      problems.add(where + ": only FEEL may be used in decisions");
    }
    if ("definitions".equals(local) && element.hasAttribute("expressionLanguage")
        && !element.getAttribute("expressionLanguage").toLowerCase(Locale.ROOT).contains("feel")
        && !element.getAttribute("expressionLanguage").contains("XPath")) {
      problems.add(where + ": only FEEL may be used in decisions");
    }
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Node attribute = attributes.item(i);
      if (CAMUNDA_NS.equals(attribute.getNamespaceURI()) && ("class".equals(attribute.getLocalName())
          || "resource".equals(attribute.getLocalName()) && element.getLocalName().contains("script"))) {
        problems.add(where + ": Java classes are not allowed (camunda:" + attribute.getLocalName() + ")");
      }
      if (CALL.matcher(attribute.getNodeValue()).find()) {
        problems.add(where + ": expressions may not call methods (" + attribute.getNodeValue() + ")");
      }
    }
    NodeList children = element.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      Node child = children.item(i);
      if (child instanceof Element childElement) {
        walk(resource, childElement, problems);
      } else if ((child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE)
          && CALL.matcher(child.getNodeValue()).find() && !"documentation".equals(local) && !"text".equals(local)) {
        problems.add(where + ": expressions may not call methods (" + child.getNodeValue().trim() + ")");
      }
    }
  }

  private static String idOf(Element element) {
    return element.hasAttribute("id") ? " '" + element.getAttribute("id") + "'" : "";
  }
}
