package io.openrma.returns;

import static io.openrma.support.ReturnRequests.aReturn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.openrma.support.WebAppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.jdbc.core.JdbcAggregateOperations;

/** The return as one aggregate: saved whole with its lines, its version checked on every save. */
@WebAppTest
class ReturnAggregateTest {

  @Autowired
  ReturnCreation creation;
  @Autowired
  ReturnService returns;
  @Autowired
  JdbcAggregateOperations aggregates;

  @Test
  void aCopyThatAnotherChangeOvertookIsRefusedInsteadOfOverwritingIt() {
    String rma = creation.create(aReturn().build(), null, "carl").record().rmaNumber();
    ReturnRecord stale = returns.get(rma);
    Address corrected = new Address("Neue Str. 2", null, "Hamburg", null, "20095", "DE");
    returns.updateAddress(rma, corrected, Actor.user("carl"));

    stale.cancelReason("written from a stale copy");
    Throwable refused = catchThrowable(() -> aggregates.save(stale));

    assertThat(refused).satisfiesAnyOf(e -> assertThat(e).isInstanceOf(OptimisticLockingFailureException.class),
        e -> assertThat(e).hasCauseInstanceOf(OptimisticLockingFailureException.class));
    ReturnRecord now = returns.get(rma);
    assertThat(now.customer().address()).isEqualTo(corrected);
    assertThat(now.cancelReason()).isNull();
  }

  @Test
  void everyChangeMovesTheVersionAndKeepsTheLines() {
    ReturnRecord created = creation.create(aReturn().build(), null, "carl").record();
    returns.updateAddress(created.rmaNumber(), new Address("Neue Str. 2", null, "Hamburg", null, "20095", "DE"),
        Actor.user("carl"));
    ReturnRecord changed = returns.get(created.rmaNumber());
    assertThat(changed.version()).isGreaterThan(created.version());
    assertThat(changed.lines()).isEqualTo(created.lines());
  }
}
