package org.premiumflow.engine.runtime;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.premiumflow.engine.search.SearchRequest;
import org.premiumflow.engine.search.SearchResult;
import org.premiumflow.engine.search.Searchable;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The user task table: creating, finding, assigning and ending user tasks, and searching them. */
public final class UserTaskStore {

    /** The user task search, with the filter and sort fields of the Camunda API. */
    private static final Searchable SEARCH = new Searchable("user tasks", "select * from engine.user_task", "user_task_key")
            .filter("userTaskKey", "user_task_key", Searchable.Type.KEY)
            .filter("state", "state", Searchable.Type.TEXT)
            .filter("assignee", "assignee", Searchable.Type.TEXT)
            .filterWhere("candidateGroup", "? = any(candidate_groups)", Searchable.Type.TEXT)
            .filterWhere("candidateUser", "? = any(candidate_users)", Searchable.Type.TEXT)
            .filter("priority", "priority", Searchable.Type.INTEGER)
            .filter("name", "name", Searchable.Type.TEXT)
            .filter("elementId", "element_id", Searchable.Type.TEXT)
            .filter("elementInstanceKey", "element_instance_key", Searchable.Type.KEY)
            .filter("processInstanceKey", "process_instance_key", Searchable.Type.KEY)
            .filter("processDefinitionKey", "process_definition_key", Searchable.Type.KEY)
            .filter("processDefinitionId", "bpmn_process_id", Searchable.Type.TEXT)
            .filter("tenantId", "tenant_id", Searchable.Type.TEXT)
            .sort("creationDate", "creation_date")
            .sort("completionDate", "completion_date")
            .sort("dueDate", "due_date")
            .sort("followUpDate", "follow_up_date")
            .sort("priority", "priority")
            .sort("name", "name");

    private final JdbcClient jdbc;

    UserTaskStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UserTaskRow task) {
        jdbc.sql("""
                        insert into engine.user_task (user_task_key, state, name, element_id, element_instance_key, process_instance_key,
                            root_process_instance_key, process_definition_key, bpmn_process_id, process_version, tenant_id, assignee,
                            candidate_groups, candidate_users, due_date, follow_up_date, priority, form_key, external_form_reference,
                            creation_date)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as text[]), cast(? as text[]), ?, ?, ?, ?, ?, ?)""")
                .params(task.key(), task.state(), task.name(), task.elementId(), task.elementInstanceKey(), task.processInstanceKey(),
                        task.rootProcessInstanceKey(), task.processDefinitionKey(), task.bpmnProcessId(), task.processVersion(),
                        task.tenantId(), task.assignee(), textArray(task.candidateGroups()), textArray(task.candidateUsers()),
                        task.dueDate(), task.followUpDate(), task.priority(), task.formKey(), task.externalFormReference(),
                        task.creationDate())
                .update();
    }

    public Optional<UserTaskRow> find(long key) {
        return jdbc.sql("select * from engine.user_task where user_task_key = ?").param(key).query(UserTaskStore::row).optional();
    }

    Optional<UserTaskRow> lock(long key) {
        return jdbc.sql("select * from engine.user_task where user_task_key = ? for update").param(key)
                .query(UserTaskStore::row).optional();
    }

    Optional<UserTaskRow> openOf(long elementInstanceKey) {
        return jdbc.sql("select * from engine.user_task where element_instance_key = ? and state = 'CREATED'")
                .param(elementInstanceKey).query(UserTaskStore::row).optional();
    }

    void end(long key, String state, OffsetDateTime at) {
        jdbc.sql("update engine.user_task set state = ?, completion_date = ? where user_task_key = ?").params(state, at, key).update();
    }

    void assign(long key, String assignee) {
        jdbc.sql("update engine.user_task set assignee = ? where user_task_key = ?").params(assignee, key).update();
    }

    public SearchResult<UserTaskRow> search(SearchRequest request) {
        return SEARCH.search(jdbc, request, UserTaskStore::row);
    }

    /** A form's schema as deployed, by its key. */
    public Optional<FormSchema> form(long formKey) {
        return jdbc.sql("""
                        select f.form_key, f.form_id, f.version, f.tenant_id, r.content from engine.form f
                        join engine.resource r using (resource_key) where f.form_key = ?""")
                .param(formKey)
                .query((row, n) -> new FormSchema(row.getLong("form_key"), row.getString("form_id"), row.getInt("version"),
                        row.getString("tenant_id"), new String(row.getBytes("content"), java.nio.charset.StandardCharsets.UTF_8)))
                .optional();
    }

    public record FormSchema(long key, String formId, int version, String tenantId, String schema) {
    }

    /** The latest version of a form, which a user task links to when it is created. */
    Optional<Long> latestForm(String formId, String tenantId) {
        return jdbc.sql("select form_key from engine.form where form_id = ? and tenant_id = ? order by version desc limit 1")
                .params(formId, tenantId).query(Long.class).optional();
    }

    private static String textArray(List<String> values) {
        StringBuilder text = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            text.append(i == 0 ? "" : ",").append('"').append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return text.append('}').toString();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static UserTaskRow row(ResultSet row, int n) throws SQLException {
        return new UserTaskRow(row.getLong("user_task_key"), row.getString("state"), row.getString("name"), row.getString("element_id"),
                row.getLong("element_instance_key"), row.getLong("process_instance_key"), row.getLong("root_process_instance_key"),
                row.getLong("process_definition_key"), row.getString("bpmn_process_id"), row.getInt("process_version"),
                row.getString("tenant_id"), row.getString("assignee"), strings(row.getArray("candidate_groups")),
                strings(row.getArray("candidate_users")), row.getObject("due_date", OffsetDateTime.class),
                row.getObject("follow_up_date", OffsetDateTime.class), row.getInt("priority"), row.getObject("form_key", Long.class),
                row.getString("external_form_reference"), row.getObject("creation_date", OffsetDateTime.class),
                row.getObject("completion_date", OffsetDateTime.class));
    }
}
