package io.openrma.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.yaml.snakeyaml.Yaml;

/** The files under {@code docker/}, read as YAML or JSON (tests run in the repository root). */
public final class DockerFiles {

  public static final Path DIR = Path.of("docker");

  private DockerFiles() {
  }

  public static Map<String, Object> yaml(String file) throws IOException {
    try (InputStream in = Files.newInputStream(DIR.resolve(file))) {
      return new Yaml().load(in);
    }
  }

  public static JsonNode dashboard() throws IOException {
    return new ObjectMapper().readTree(DIR.resolve("grafana/dashboards/openrma.json").toFile());
  }

  /** Every {@code openrma_*} series name in the Grafana dashboard's queries. */
  public static Set<String> dashboardMetrics() throws IOException {
    Set<String> names = new TreeSet<>();
    Pattern metric = Pattern.compile("\\bopenrma_[a-z_]+");
    for (JsonNode panel : dashboard().get("panels")) {
      for (JsonNode target : panel.path("targets")) {
        Matcher matcher = metric.matcher(target.get("expr").asText());
        while (matcher.find()) {
          names.add(matcher.group());
        }
      }
    }
    return names;
  }
}
