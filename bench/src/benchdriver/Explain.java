package benchdriver;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The statements behind one arrival scan (as pg_stat_statements shows them for Camunda 7.24 and
 * OpenRMA), with the values of a real waiting return, for EXPLAIN.
 */
final class Explain {

  static Map<String, String> correlation(String rma) {
    Map<String, String> sql = new LinkedHashMap<>();
    sql.put("return_by_rma_number_for_update", "SELECT * FROM rma_return WHERE rma_number = '" + rma + "' FOR UPDATE");
    sql.put("inbox_seen",
        "SELECT COUNT(*) FROM rma_inbox WHERE source = 'WAREHOUSE' AND event_id = 'SCAN-" + rma + "'");
    sql.put("waits_for_message_count",
        """
            SELECT COUNT(*) FROM (SELECT DISTINCT RES.ID_ from ACT_RU_EXECUTION RES
              inner join ACT_RU_EXECUTION INST on RES.PROC_INST_ID_ = INST.ID_
              inner join ACT_RE_PROCDEF P on RES.PROC_DEF_ID_ = P.ID_
              WHERE INST.BUSINESS_KEY_ = '%s' and exists (select ID_ from ACT_RU_EVENT_SUBSCR EVT
                where EVT.EXECUTION_ID_ = RES.ID_ and EVT.EVENT_TYPE_ = 'message' and EVT.EVENT_NAME_ = 'ItemArrived')) countDistinct
            """
            .formatted(rma));
    sql.put("correlation_executions", """
        select distinct RES.* from ACT_RU_EXECUTION RES
          inner join ACT_RU_EXECUTION INST on RES.PROC_INST_ID_ = INST.ID_
          inner join ACT_RE_PROCDEF P on RES.PROC_DEF_ID_ = P.ID_
          WHERE INST.BUSINESS_KEY_ = '%s' and RES.SUSPENSION_STATE_ = 1
          and exists (select ID_ from ACT_RU_EVENT_SUBSCR EVT where EVT.EXECUTION_ID_ = RES.ID_
            and EVT.EVENT_TYPE_ = 'message' and EVT.EVENT_NAME_ = 'ItemArrived')
          order by RES.ID_ asc LIMIT 2147483647 OFFSET 0
        """.formatted(rma));
    sql.put("process_instance_by_business_key", """
        select distinct RES.* from ACT_RU_EXECUTION RES inner join ACT_RE_PROCDEF P on RES.PROC_DEF_ID_ = P.ID_
          WHERE ( RES.PARENT_ID_ is null and ( P.KEY_ = 'rma-lifecycle' and RES.BUSINESS_KEY_ = '%s' ) )
          order by RES.ID_ asc LIMIT 2147483647 OFFSET 0
        """.formatted(rma));
    return sql;
  }
}
