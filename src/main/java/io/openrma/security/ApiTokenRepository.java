package io.openrma.security;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** API tokens through Spring Data JDBC; a token is found by the hash of its secret. */
interface ApiTokenRepository extends ListCrudRepository<ApiToken, Long> {

  Optional<ApiToken> findBySecretHash(String secretHash);

  List<ApiToken> findAllByOrderByIdDesc();

  boolean existsByUserIdAndName(String userId, String name);

  /**
   * Notes a use, at most once a minute per token, so a busy carrier does not write a row per event. Times as
   * {@code OffsetDateTime}: query parameters bypass the entity conversions, and PostgreSQL's driver takes no
   * {@code Instant}.
   */
  @Modifying
  @Query("UPDATE rma_api_token SET last_used_at = :now WHERE id = :id "
      + "AND (last_used_at IS NULL OR last_used_at < :notBefore)")
  int markUsed(long id, OffsetDateTime now, OffsetDateTime notBefore);
}
