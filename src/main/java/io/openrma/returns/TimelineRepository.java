package io.openrma.returns;

import java.util.List;

import org.springframework.data.repository.Repository;

/** The timeline's entries; only ever appended. */
interface TimelineRepository extends Repository<TimelineEntry, Long> {

  TimelineEntry save(TimelineEntry entry);

  List<TimelineEntry> findByReturnIdOrderById(long returnId);
}
