package org.relay.dataprotection;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.relay.referral.CustomerDataErasing;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Irreversibly removes one person's personal data from Relay and from the engine's runtime and history, in one
 * transaction. Rows stay where they count (the referral with its status, product, record type, stage timestamps and
 * outcome; the engine's activity history with its durations), so reports and funnels stay right; what identifies
 * the person is overwritten or deleted: the customer fields and free text of their referrals, their timeline
 * details, activities, mail subjects, customer account, contacts and household, staged import rows, process
 * variables and their history, decision inputs and outputs, user-operation log values, incident and job-failure
 * messages. Running lifecycles end (deleted with the reason "personal data erased"). Running it again is harmless.
 */
@Service
public class PersonalDataEraser {

    static final String ERASED = "[erased]";
    static final String ERASED_NAME = "Erased customer";
    private static final String DELETE_REASON = "Personal data erased";

    public record Result(List<String> referrals, int newlyErased, int lifecyclesEnded) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final RuntimeService runtimeService;
    private final HistoryService historyService;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    PersonalDataEraser(NamedParameterJdbcTemplate jdbc, RuntimeService runtimeService, HistoryService historyService,
                       Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.runtimeService = runtimeService;
        this.historyService = historyService;
        this.clock = clock;
    }

    /** Everything of the person identified by a bank customer number or by one of their referrals' numbers. */
    @Transactional
    public Result eraseCustomer(String customerIdOrReference) {
        Map<Long, String> referrals = new LinkedHashMap<>();
        PersonalData person = PersonalData.empty();
        Set<Long> accounts = new LinkedHashSet<>();
        collect("existing_customer_id = :id or reference_number = :id", new MapSqlParameterSource("id", customerIdOrReference),
                referrals, person, accounts);
        // the same person's other referrals: by email, phone or customer number, until nothing new turns up
        for (int round = 0; round < 3 && !person.isEmpty(); round++) {
            int before = referrals.size();
            collect("customer_email_normalized in (:emails) or customer_phone_normalized in (:phones)"
                            + " or existing_customer_id in (:ids)",
                    new MapSqlParameterSource().addValue("emails", orNone(person.emails()))
                            .addValue("phones", orNone(person.phones())).addValue("ids", orNone(person.customerIds())),
                    referrals, person, accounts);
            if (referrals.size() == before) {
                break;
            }
        }
        return erase(referrals, person, accounts);
    }

    /** One referral's customer data (the retention job: a closed referral past its period). */
    @Transactional
    public Result eraseReferral(long referralId) {
        Map<Long, String> referrals = new LinkedHashMap<>();
        PersonalData person = PersonalData.empty();
        Set<Long> accounts = new LinkedHashSet<>();
        collect("id = :id", new MapSqlParameterSource("id", referralId), referrals, person, accounts);
        accounts.clear();   // the customer account may belong to other, still kept referrals
        return erase(referrals, person, accounts);
    }

    private Result erase(Map<Long, String> referrals, PersonalData person, Set<Long> accounts) {
        if (referrals.isEmpty() && accounts.isEmpty()) {
            return new Result(List.of(), 0, 0);
        }
        collectAccounts(accounts, person);
        // what the erasure itself must still tell the customer (a meeting's cancellation) goes while the address is known
        events.publishEvent(new CustomerDataErasing(List.copyOf(referrals.keySet())));
        int ended = endLifecycles(referrals.values());
        int newly = anonymiseReferrals(referrals.keySet());
        anonymiseAccounts(accounts);
        eraseEngineHistory(referrals.values());
        scrubFreeText(person);
        return new Result(List.copyOf(referrals.values()), newly, ended);
    }

    private void collect(String where, MapSqlParameterSource parameters, Map<Long, String> referrals, PersonalData person,
                         Set<Long> accounts) {
        jdbc.query("select id, reference_number, customer_name, customer_contact_name, customer_email,"
                + " customer_email_normalized, customer_phone, customer_phone_normalized, existing_customer_id, account_id"
                + " from referral where " + where, parameters, row -> {
            referrals.put(row.getLong("id"), row.getString("reference_number"));
            if (row.getObject("account_id") != null) {
                accounts.add(row.getLong("account_id"));
            }
            person.add(erasedToNull(row.getString("customer_name")), row.getString("customer_email"),
                    row.getString("customer_phone"), row.getString("existing_customer_id"));
            person.add(row.getString("customer_contact_name"), row.getString("customer_email_normalized"),
                    row.getString("customer_phone_normalized"), null);
        });
    }

    private void collectAccounts(Set<Long> accounts, PersonalData person) {
        if (accounts.isEmpty()) {
            return;
        }
        MapSqlParameterSource ids = new MapSqlParameterSource("accounts", accounts);
        jdbc.query("select name, email_normalized, phone_normalized, existing_customer_id from customer_account"
                + " where id in (:accounts)", ids, row -> {
            person.add(erasedToNull(row.getString(1)), row.getString(2), row.getString(3), row.getString(4));
        });
        jdbc.query("select name, email, phone from contact where account_id in (:accounts)", ids, row -> {
            person.add(row.getString(1), row.getString(2), row.getString(3), null);
        });
    }

    private int endLifecycles(Iterable<String> references) {
        int ended = 0;
        for (String reference : references) {
            for (ProcessInstance running : runtimeService.createProcessInstanceQuery()
                    .processInstanceBusinessKey(reference).list()) {
                runtimeService.deleteProcessInstance(running.getId(), DELETE_REASON, true, true);
                ended++;
            }
        }
        return ended;
    }

    private int anonymiseReferrals(Set<Long> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        MapSqlParameterSource parameters = new MapSqlParameterSource("ids", ids)
                .addValue("name", ERASED_NAME).addValue("now", Timestamp.from(clock.instant()));
        int newly = jdbc.queryForObject("select count(*) from referral where id in (:ids) and erased_at is null",
                parameters, Integer.class);
        jdbc.update("""
                update referral set customer_name = :name, customer_name_normalized = null, customer_employer = null,
                       customer_phone = null, customer_email = null, customer_city = null, customer_postcode = null,
                       customer_date_of_birth = null, customer_contact_name = null, customer_email_normalized = null,
                       customer_phone_normalized = null, existing_customer_id = null, notes = null, close_note = null,
                       erased_at = coalesce(erased_at, :now),
                       status = case when status in ('CONVERTED', 'CLOSED_LOST') then status else 'CLOSED_LOST' end,
                       close_reason = case when status in ('CONVERTED', 'CLOSED_LOST') then close_reason else 'ERASED' end,
                       closed_at = case when status in ('CONVERTED', 'CLOSED_LOST') then closed_at else :now end,
                       version = version + 1
                 where id in (:ids)""", parameters);
        jdbc.update("update referral_event set detail = :erased where referral_id in (:ids) and detail is not null",
                parameters.addValue("erased", ERASED));
        jdbc.update("update activity set subject = :erased, body = null, outcome = null where referral_id in (:ids)",
                parameters);
        jdbc.update("update notification_sent set subject = :erased where referral_id in (:ids)", parameters);
        return newly;
    }

    private void anonymiseAccounts(Set<Long> accounts) {
        if (accounts.isEmpty()) {
            return;
        }
        MapSqlParameterSource parameters = new MapSqlParameterSource("accounts", accounts)
                .addValue("name", ERASED_NAME).addValue("erased", ERASED);
        jdbc.update("update household set name = :erased where id in"
                + " (select household_id from customer_account where id in (:accounts) and household_id is not null)", parameters);
        jdbc.update("update contact set name = :erased, email = null, phone = null where account_id in (:accounts)", parameters);
        jdbc.update("update customer_account set name = :name, email_normalized = null, phone_normalized = null,"
                + " existing_customer_id = null where id in (:accounts)", parameters);
    }

    /**
     * What the engine may still hold of the person: the tasks' titles and list columns (customer name),
     * decision inputs (city, region, amount), the user-operation log and failure messages. Activity history stays: it holds step names and durations, nothing personal.
     */
    private void eraseEngineHistory(Iterable<String> references) {
        List<String> instances = new ArrayList<>();
        for (String reference : references) {
            for (HistoricProcessInstance instance : historyService.createHistoricProcessInstanceQuery()
                    .processInstanceBusinessKey(reference).list()) {
                instances.add(instance.getId());
            }
        }
        for (String instance : instances) {
            historyService.deleteHistoricVariableInstancesByProcessInstanceId(instance);
            // the tasks' titles named the customer (tasklist/ShowInTaskList); their steps stay in activity history
            for (HistoricTaskInstance task : historyService.createHistoricTaskInstanceQuery().processInstanceId(instance).list()) {
                historyService.deleteHistoricTaskInstance(task.getId());
            }
            for (HistoricDecisionInstance decision : historyService.createHistoricDecisionInstanceQuery()
                    .processInstanceId(instance).list()) {
                historyService.deleteHistoricDecisionInstanceByInstanceId(decision.getId());
            }
            for (UserOperationLogEntry entry : historyService.createUserOperationLogQuery().processInstanceId(instance).list()) {
                historyService.deleteUserOperationLogEntry(entry.getId());
            }
        }
        if (instances.isEmpty()) {
            return;
        }
        MapSqlParameterSource parameters = new MapSqlParameterSource("instances", instances).addValue("erased", ERASED);
        jdbc.update("delete from act_ge_bytearray where id_ in (select job_exception_stack_id_ from act_hi_job_log"
                + " where process_instance_id_ in (:instances) and job_exception_stack_id_ is not null)", parameters);
        jdbc.update("update act_hi_job_log set job_exception_msg_ = :erased, job_exception_stack_id_ = null"
                + " where process_instance_id_ in (:instances) and (job_exception_msg_ is not null"
                + " or job_exception_stack_id_ is not null)", parameters);
        jdbc.update("update act_hi_incident set incident_msg_ = :erased where proc_inst_id_ in (:instances)"
                + " and incident_msg_ is not null", parameters);
        jdbc.update("delete from act_hi_comment where proc_inst_id_ in (:instances)", parameters);
    }

    /**
     * Anything else that mentions the person in free text — another referral's timeline, an import's staged rows and
     * error messages, an audit note — is overwritten or deleted.
     */
    private void scrubFreeText(PersonalData person) {
        List<String> patterns = person.patterns();
        if (patterns.isEmpty()) {
            return;
        }
        for (String[] column : new String[][]{{"referral_event", "detail"}, {"activity", "subject"}, {"activity", "body"},
                {"activity", "outcome"}, {"notification_sent", "subject"}, {"import_row_error", "message"},
                {"audit_entry", "detail"}, {"audit_entry", "purpose"}, {"act_hi_incident", "incident_msg_"},
                {"act_hi_job_log", "job_exception_msg_"}, {"act_hi_op_log", "org_value_"}, {"act_hi_op_log", "new_value_"}}) {
            jdbc.update("update " + column[0] + " set " + column[1] + " = :erased where lower(" + column[1]
                    + ") like any (array[:patterns])", new MapSqlParameterSource("patterns", patterns).addValue("erased", ERASED));
        }
        jdbc.update("delete from import_row where lower(data) like any (array[:patterns])",
                new MapSqlParameterSource("patterns", patterns));
    }

    private static String erasedToNull(String name) {
        return ERASED_NAME.equals(name) ? null : name;
    }

    private static Set<String> orNone(Set<String> values) {
        return values.isEmpty() ? Set.of("\u0001none") : values;
    }
}
