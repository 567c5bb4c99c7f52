package io.openrma.system;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.jdbc.core.convert.JdbcCustomConversions;
import org.springframework.data.jdbc.core.mapping.JdbcMappingContext;
import org.springframework.data.jdbc.repository.config.AbstractJdbcConfiguration;
import org.springframework.data.relational.RelationalManagedTypes;
import org.springframework.data.relational.core.mapping.NamingStrategy;

/**
 * Spring Data JDBC on the engine's data source. Identifiers are not quoted, so the same names work
 * on H2 (which folds unquoted names to upper case) and PostgreSQL (lower case), as in the Flyway
 * scripts; instants are written as {@code TIMESTAMP WITH TIME ZONE} in UTC.
 */
@Configuration(proxyBeanMethods = false)
class JdbcConfig extends AbstractJdbcConfiguration {

  @Override
  public JdbcMappingContext jdbcMappingContext(Optional<NamingStrategy> namingStrategy,
      JdbcCustomConversions customConversions, RelationalManagedTypes jdbcManagedTypes) {
    JdbcMappingContext context = super.jdbcMappingContext(namingStrategy, customConversions, jdbcManagedTypes);
    context.setForceQuote(false);
    return context;
  }

  @Override
  protected java.util.Collection<String> getMappingBasePackages() {
    return List.of("io.openrma");
  }

  @Override
  protected List<?> userConverters() {
    return List.of(new InstantToOffsetDateTime(), new OffsetDateTimeToInstant());
  }

  @WritingConverter
  static class InstantToOffsetDateTime implements Converter<Instant, OffsetDateTime> {
    @Override
    public OffsetDateTime convert(Instant source) {
      return source.atOffset(ZoneOffset.UTC);
    }
  }

  @ReadingConverter
  static class OffsetDateTimeToInstant implements Converter<OffsetDateTime, Instant> {
    @Override
    public Instant convert(OffsetDateTime source) {
      return source.toInstant();
    }
  }
}
