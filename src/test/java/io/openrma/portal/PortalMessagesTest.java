package io.openrma.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.openrma.orders.Eligibility;
import io.openrma.returns.ItemCondition;
import io.openrma.returns.Resolution;
import io.openrma.returns.ReturnReason;
import io.openrma.returns.ReturnStatus;
import org.junit.jupiter.api.Test;

/**
 * English and German are complete: both bundles have the same keys, and every text a portal template asks for
 * exists, including the ones it builds from a value (a reason, a status, a refusal, a journey step).
 */
class PortalMessagesTest {

  private static final Pattern STATIC_KEY = Pattern.compile("#\\{([a-zA-Z][a-zA-Z0-9_.]+)");

  @Test
  void englishAndGermanHaveTheSameKeys() throws IOException {
    assertThat(bundle("messages_de.properties").stringPropertyNames())
        .containsExactlyInAnyOrderElementsOf(bundle("messages.properties").stringPropertyNames());
  }

  @Test
  void everyTextThePortalShowsIsInTheBundle() throws IOException {
    List<String> keys = new ArrayList<>();
    try (Stream<Path> templates = Files.list(Path.of("src/main/resources/templates/portal"))) {
      for (Path template : templates.toList()) {
        Matcher m = STATIC_KEY.matcher(Files.readString(template));
        while (m.find()) {
          keys.add(m.group(1));
        }
      }
    }
    Arrays.stream(ReturnReason.values()).forEach(r -> keys.add("reason." + r.name()));
    Arrays.stream(ItemCondition.values()).filter(ItemCondition::isReportable)
        .forEach(c -> keys.add("condition." + c.name()));
    Arrays.stream(ReturnStatus.values()).forEach(s -> keys.add("status." + s.name()));
    Arrays.stream(Eligibility.Refusal.values()).forEach(r -> keys.add("refusal." + r.name()));
    Arrays.stream(Resolution.values()).forEach(r -> keys.add("resolution." + r.name()));
    List.of(Resolution.REFUND, Resolution.EXCHANGE, Resolution.STORE_CREDIT)
        .forEach(r -> keys.add("resolution." + r.name() + ".hint"));
    Journey.STEPS.forEach(step -> keys.add("journey." + step));
    Arrays.stream(Journey.State.values()).forEach(s -> keys.add("journey.state." + s.name()));
    List.of("AUTO_APPROVE", "REVIEW", "REJECT").forEach(d -> keys.add("review.decision." + d));
    PortalPages.LANGUAGES.forEach(l -> keys.add("portal.language." + l.getLanguage()));

    assertThat(bundle("messages.properties").stringPropertyNames()).containsAll(keys);
  }

  private static Properties bundle(String name) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = PortalMessagesTest.class.getClassLoader().getResourceAsStream(name)) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }
}
