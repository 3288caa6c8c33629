package org.premiumflow.engine.runtime;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.premiumflow.engine.InvalidArgumentException;
import org.premiumflow.engine.InvalidStateException;
import org.premiumflow.engine.NotFoundException;
import org.premiumflow.engine.store.EngineDatabase;
import org.premiumflow.engine.store.History;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Jobs as workers see them. Activation claims rows with {@code FOR UPDATE SKIP LOCKED}, so any
 * number of pollers on any number of nodes never get the same job; a worker holds a job until
 * its deadline. Commands on a job lock its instance tree first, then the job.
 */
public final class Jobs {

    private static final Set<String> COMPLETABLE = Set.of(JobRow.ACTIVATED, JobRow.ACTIVATABLE);
    /** The job exists but failed (backing off, or out of retries) or threw an error: a worker's command on it is refused. */
    private static final Set<String> FAILED_STATES = Set.of(JobRow.FAILED, JobRow.ERROR_THROWN, JobRow.FAILED_BACKOFF);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final RuntimeStore store;
    private final History history;
    private final Commands commands;
    private final JobAvailability availability;

    public Jobs(EngineDatabase database, RuntimeStore store, History history, Commands commands, JobAvailability availability) {
        this.jdbc = database.jdbc();
        this.transactions = database.transactions();
        this.store = store;
        this.history = history;
        this.commands = commands;
        this.availability = availability;
    }

    public record Activation(String type, String worker, Duration timeout, int maxJobs, List<String> fetchVariables,
                             Duration requestTimeout) {
    }

    /**
     * Hands out up to {@code maxJobs} jobs of a type that are activatable now; waiting for jobs
     * to appear is {@link WaitingActivations}' part.
     */
    public List<ActivatedJob> activate(Activation request) {
        if (request.type() == null || request.type().isBlank()) {
            throw new InvalidArgumentException("No type provided");
        }
        if (request.maxJobs() < 1) {
            throw new InvalidArgumentException("The value for maxJobsToActivate is '" + request.maxJobs() + "' but must be greater than 0.");
        }
        if (request.timeout() == null || request.timeout().isNegative() || request.timeout().isZero()) {
            throw new InvalidArgumentException("The value for timeout is '" + request.timeout() + "' but must be greater than 0.");
        }
        return transactions.execute(status -> claim(request));
    }

    /** Returns jobs claimed for a caller that has gone to the activatable pool at once. */
    void giveBack(List<ActivatedJob> jobs) {
        String keys = keyArray(jobs.stream().map(job -> job.job().key()).toList());
        List<JobRow> returned = transactions.execute(status -> {
            List<JobRow> rows = jdbc.sql("""
                            with given as (
                                update engine.job set state = 'ACTIVATABLE', worker = null, deadline = null
                                where job_key = any(cast(? as bigint[])) and state = 'ACTIVATED' returning *),
                            queued as (insert into engine.job_queue (type, job_key) select type, job_key from given)
                            select * from given""")
                    .param(keys).query(RuntimeStore::jobRow).list();
            rows.forEach(job -> history.record("JOB", "YIELDED", job.key(), job.processInstanceKey(), job.elementId(), null));
            return rows;
        });
        returned.stream().map(JobRow::type).distinct().forEach(availability::announce);
    }

    private List<ActivatedJob> claim(Activation request) {
        OffsetDateTime deadline = store.now().plus(request.timeout());
        Map<Long, Long> roots = new HashMap<>();
        // Queue rows are taken without waiting (SKIP LOCKED); only then are their jobs locked, so
        // two pollers never wait on each other. A row whose job is no longer activatable is just dropped.
        List<JobRow> claimed = jdbc.sql("""
                        with taken as (
                            delete from engine.job_queue where ctid = any(array(
                                select ctid from engine.job_queue where type = ?
                                order by job_key limit ? for update skip locked))
                            returning job_key)
                        update engine.job set state = 'ACTIVATED', worker = ?, deadline = ?
                        where job_key = any(array(select job_key from taken)) and state = 'ACTIVATABLE'
                        returning *, (select root_process_instance_key from engine.process_instance p
                                      where p.process_instance_key = job.process_instance_key) as root_key""")
                .params(request.type(), request.maxJobs(), request.worker(), deadline)
                .query((row, n) -> {
                    JobRow job = RuntimeStore.jobRow(row, n);
                    roots.put(job.key(), row.getLong("root_key"));
                    return job;
                })
                .list();
        if (claimed.isEmpty()) {
            return List.of();
        }
        Map<Long, Map<String, Object>> variables = variables(claimed, request.fetchVariables());
        List<ActivatedJob> activated = new ArrayList<>();
        for (JobRow job : claimed) {
            history.record("JOB", "ACTIVATED", job.key(), job.processInstanceKey(), job.elementId(), null);
            activated.add(new ActivatedJob(job, request.worker(), deadline, variables.getOrDefault(job.key(), Map.of()),
                    headers(job), roots.get(job.key())));
        }
        activated.sort(Comparator.comparingLong(job -> job.job().key()));
        return activated;
    }

    /**
     * The variables each job's element instance sees. The scope chains are walked one level per
     * query for all jobs at once, and the variables of every scope on them read in one more: each
     * query is a lookup by key. (A recursive query did it in one, but the planner cannot estimate
     * its rows and answered it with scans of the whole variable table.)
     */
    private Map<Long, Map<String, Object>> variables(List<JobRow> jobs, List<String> fetch) {
        Map<Long, Long> parents = new HashMap<>();
        Set<Long> level = new HashSet<>();
        jobs.forEach(job -> level.add(job.elementInstanceKey()));
        while (!level.isEmpty()) {
            Set<Long> next = new HashSet<>();
            jdbc.sql("select element_instance_key, flow_scope_key from engine.element_instance"
                            + " where element_instance_key = any(cast(? as bigint[]))")
                    .param(keyArray(level))
                    .query((row, n) -> {
                        long scope = row.getLong(2);
                        if (!row.wasNull()) {
                            parents.put(row.getLong(1), scope);
                            if (!parents.containsKey(scope)) {
                                next.add(scope);
                            }
                        }
                        return null;
                    })
                    .list();
            level.clear();
            level.addAll(next);
        }
        Set<Long> scopes = new HashSet<>(parents.keySet());
        scopes.addAll(parents.values());
        jobs.forEach(job -> scopes.add(job.elementInstanceKey()));
        Map<Long, Map<String, String>> byScope = new HashMap<>();
        jdbc.sql("select scope_key, name, value::text from engine.variable where scope_key = any(cast(? as bigint[]))")
                .param(keyArray(scopes))
                .query((row, n) -> {
                    String name = row.getString(2);
                    if (fetch == null || fetch.isEmpty() || fetch.contains(name)) {
                        byScope.computeIfAbsent(row.getLong(1), key -> new HashMap<>()).put(name, row.getString(3));
                    }
                    return null;
                })
                .list();
        Map<Long, Map<String, Object>> variables = new HashMap<>();
        for (JobRow job : jobs) {
            // Outermost scope first, so that an inner variable of the same name replaces an outer one.
            List<Long> chain = new ArrayList<>();
            for (Long scope = job.elementInstanceKey(); scope != null; scope = parents.get(scope)) {
                chain.add(0, scope);
            }
            Map<String, String> visible = new TreeMap<>();
            chain.forEach(scope -> visible.putAll(byScope.getOrDefault(scope, Map.of())));
            Map<String, Object> values = new LinkedHashMap<>();
            visible.forEach((name, json) -> values.put(name, RuntimeStore.fromJson(json)));
            variables.put(job.key(), values);
        }
        return variables;
    }

    private static String keyArray(Collection<Long> keys) {
        return keys.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> headers(JobRow job) {
        return (Map<String, Object>) RuntimeStore.fromJson(job.customHeaders());
    }

    public void complete(long jobKey, Map<String, Object> variables) {
        String notFound = rejected("COMPLETE", "complete", jobKey);
        onJob(jobKey, notFound, (execution, job) -> {
            requireWorkable(job, "complete", notFound);
            store.updateJob(job, JobRow.COMPLETED, job.retries(), null, null);
            history.record("JOB", "COMPLETED", job.key(), job.processInstanceKey(), job.elementId(), null);
            execution.complete(execution.instance(job.elementInstanceKey()), variables, true);
        });
    }

    public void fail(long jobKey, int retries, String errorMessage, Duration retryBackOff, Map<String, Object> variables) {
        String notFound = rejected("FAIL", "fail", jobKey);
        onJob(jobKey, notFound, (execution, job) -> {
            requireWorkable(job, "fail", notFound);
            ElementInstance instance = execution.instance(job.elementInstanceKey());
            execution.variables().setLocal(instance.key(), instance.processInstanceKey(), variables);
            history.record("JOB", "FAILED", job.key(), job.processInstanceKey(), job.elementId(), null);
            if (retries > 0) {
                boolean backOff = retryBackOff != null && retryBackOff.toMillis() > 0;
                store.updateJob(job, backOff ? JobRow.FAILED_BACKOFF : JobRow.ACTIVATABLE, retries, errorMessage,
                        backOff ? store.now().plus(retryBackOff) : null);
                if (!backOff) {
                    execution.jobCreated(job.type());
                }
            } else {
                store.updateJob(job, JobRow.FAILED, 0, errorMessage, null);
                execution.raiseIncident(instance, IncidentType.JOB_NO_RETRIES,
                        errorMessage == null || errorMessage.isBlank() ? "No more retries left." : errorMessage, job.key());
            }
        });
    }

    public void throwError(long jobKey, String errorCode, String errorMessage, Map<String, Object> variables) {
        String notFound = rejected("THROW_ERROR", "throw an error for", jobKey);
        if (errorCode == null || errorCode.isBlank()) {
            throw new InvalidArgumentException("No errorCode provided");
        }
        onJob(jobKey, notFound, (execution, job) -> {
            requireWorkable(job, "throw an error for", notFound);
            store.updateJob(job, JobRow.ERROR_THROWN, job.retries(), errorMessage, null);
            history.record("JOB", "ERROR_THROWN", job.key(), job.processInstanceKey(), job.elementId(), null);
            execution.throwError(execution.instance(job.elementInstanceKey()), errorCode, errorMessage, variables, job.key());
        });
    }

    /** Changes a job's retries and/or the timeout of its current activation. */
    public void update(long jobKey, Integer retries, Duration timeout) {
        String notFound = rejected("UPDATE", "update", jobKey);
        if (retries == null && timeout == null) {
            throw new InvalidArgumentException("No changeset provided: expected retries and/or timeout");
        }
        if (retries != null && retries < 1) {
            throw new InvalidArgumentException("Expected to update the retries of job with key '" + jobKey
                    + "' to a positive amount, but was '" + retries + "'");
        }
        onJob(jobKey, notFound, (execution, job) -> {
            if (job.state().equals(JobRow.COMPLETED) || job.state().equals(JobRow.CANCELED)) {
                throw new NotFoundException(notFound);
            }
            if (retries != null) {
                jdbc.sql("update engine.job set retries = ? where job_key = ?").params(retries, jobKey).update();
                history.record("JOB", "RETRIES_UPDATED", jobKey, job.processInstanceKey(), job.elementId(), null);
            }
            if (timeout != null && job.state().equals(JobRow.ACTIVATED)) {
                jdbc.sql("update engine.job set deadline = ? where job_key = ?").params(store.now().plus(timeout), jobKey).update();
                history.record("JOB", "TIMEOUT_UPDATED", jobKey, job.processInstanceKey(), job.elementId(), null);
            }
        });
    }

    /**
     * Returns jobs whose activation deadline or failure back-off has passed to the activatable
     * pool, and wakes their workers. Called periodically; safe on several nodes at once.
     */
    public int sweep() {
        OffsetDateTime now = store.now();
        List<JobRow> due = transactions.execute(status -> {
            List<JobRow> timedOut = jdbc.sql("""
                            with due as (
                                update engine.job set state = 'ACTIVATABLE', worker = null, deadline = null
                                where state = 'ACTIVATED' and deadline <= ? returning *),
                            queued as (insert into engine.job_queue (type, job_key) select type, job_key from due)
                            select * from due""")
                    .param(now).query(RuntimeStore::jobRow).list();
            timedOut.forEach(job -> history.record("JOB", "TIMED_OUT", job.key(), job.processInstanceKey(), job.elementId(), null));
            List<JobRow> backedOff = jdbc.sql("""
                            with due as (
                                update engine.job set state = 'ACTIVATABLE', backoff_until = null
                                where state = 'FAILED_BACKOFF' and backoff_until <= ? returning *),
                            queued as (insert into engine.job_queue (type, job_key) select type, job_key from due)
                            select * from due""")
                    .param(now).query(RuntimeStore::jobRow).list();
            backedOff.forEach(job -> history.record("JOB", "RECURRED_AFTER_BACKOFF", job.key(), job.processInstanceKey(),
                    job.elementId(), null));
            List<JobRow> all = new ArrayList<>(timedOut);
            all.addAll(backedOff);
            return all;
        });
        due.stream().map(JobRow::type).distinct().forEach(availability::announce);
        return due.size();
    }

    /** A worker may complete, fail or throw on a job it could have been handed; not on one that failed or ended. */
    private static void requireWorkable(JobRow job, String verb, String notFound) {
        if (COMPLETABLE.contains(job.state())) {
            return;
        }
        if (FAILED_STATES.contains(job.state())) {
            throw new InvalidStateException("Command rejected with code 'INVALID_STATE': Expected to " + verb + " job with key '"
                    + job.key() + "', but it is in state '" + job.state() + "'");
        }
        throw new NotFoundException(notFound);
    }

    private interface JobCommand {
        void apply(Execution execution, JobRow job);
    }

    private void onJob(long jobKey, String notFound, JobCommand command) {
        commands.onJob(jobKey, notFound, execution -> {
            JobRow job = store.job(jobKey, true).orElseThrow(() -> new NotFoundException(notFound));
            command.apply(execution, job);
            return null;
        });
    }

    private static String rejected(String command, String verb, long jobKey) {
        return "Command '" + command + "' rejected with code 'NOT_FOUND': Expected to " + verb + " job with key '" + jobKey
                + "', but no such job was found";
    }
}
