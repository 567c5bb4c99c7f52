package io.openrma.returns;

import java.util.List;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jdbc.core.JdbcAggregateOperations;
import org.springframework.data.relational.core.query.Criteria;
import org.springframework.data.relational.core.query.Query;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The API's search for returns: one page in one statement, plus its count. */
@Service
@Transactional(readOnly = true)
public class ReturnSearch {

  private final JdbcAggregateOperations aggregates;

  ReturnSearch(JdbcAggregateOperations aggregates) {
    this.aggregates = aggregates;
  }

  /** The search filters; each one that is set narrows the result. */
  public record Filter(ReturnStatus status, String orderId, String email, String trackingNumber) {
  }

  public record Page<T>(List<T> items, int page, int size, long total) {
  }

  /** One page of the returns matching {@code filter}, newest first. */
  public Page<ReturnSummary> search(Filter filter, int page, int size) {
    Criteria where = Criteria.empty();
    if (filter.status() != null) {
      where = where.and("status").is(filter.status().name());
    }
    if (filter.orderId() != null) {
      where = where.and("orderId").is(filter.orderId());
    }
    if (filter.email() != null) {
      where = where.and("customerEmail").is(filter.email()).ignoreCase(true);
    }
    if (filter.trackingNumber() != null) {
      where = where.and("trackingNumber").is(filter.trackingNumber());
    }
    long total = aggregates.count(Query.query(where), ReturnSummary.class);
    List<ReturnSummary> items = aggregates.findAll(Query.query(where)
        .with(PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "id"))), ReturnSummary.class);
    return new Page<>(items, page, size, total);
  }
}
