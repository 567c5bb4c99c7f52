package io.openrma.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys {@code processes/} (BPMN, DMN) and {@code forms/} (Camunda Forms) as one deployment
 * when the engine is built, so that a user task's {@code camunda:formRef} with binding
 * {@code deployment} always finds its form.
 *
 * <p>Resource names are the paths relative to the classpath root ({@code processes/rma-lifecycle.bpmn}),
 * never file system paths, so the same files deployed from an IDE, from {@code target/classes} or
 * from the jar are recognised as unchanged. Duplicate filtering compares the whole set: if nothing
 * changed no new deployment is made; if one file changed, all are deployed together again.
 * The starter's own auto-deployment is switched off in {@code application.yaml} because it names
 * file resources by absolute path.
 */
@Component
public class ProcessDeployment extends AbstractProcessEnginePlugin {

  public static final String DEPLOYMENT_NAME = "openrma";
  static final String[] PATTERNS = {
      "classpath*:processes/**/*.bpmn", "classpath*:processes/**/*.dmn", "classpath*:forms/**/*.form"};

  private static final Logger log = LoggerFactory.getLogger(ProcessDeployment.class);

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    DeploymentBuilder builder = processEngine.getRepositoryService()
        .createDeployment()
        .name(DEPLOYMENT_NAME)
        .source("openrma-startup")
        .enableDuplicateFiltering(false);
    List<String> names = new ArrayList<>();
    try {
      PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
      for (String pattern : PATTERNS) {
        for (Resource resource : resolver.getResources(pattern)) {
          String name = resourceName(resource);
          builder.addInputStream(name, resource.getInputStream());
          names.add(name);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read processes/ and forms/ from the classpath", e);
    }
    if (names.isEmpty()) {
      log.warn("No BPMN, DMN or form files found under processes/ and forms/ on the classpath");
      return;
    }
    Deployment deployment = builder.deploy();
    log.info("Deployment {} of {} (unchanged files keep their deployment): {}", deployment.getId(),
        deployment.getDeploymentTime(), names);
  }

  /** {@code .../classes/processes/a/b.bpmn} or {@code jar!/BOOT-INF/classes/forms/x.form} to {@code processes/a/b.bpmn}. */
  static String resourceName(Resource resource) throws IOException {
    String url = resource.getURL().toString();
    int at = Math.max(url.lastIndexOf("/processes/"), url.lastIndexOf("/forms/"));
    if (at < 0) {
      throw new IllegalStateException("Not under processes/ or forms/: " + url);
    }
    return url.substring(at + 1);
  }
}
