package org.premiumflow.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.premiumflow.support.DomainMigrations;
import org.premiumflow.support.Premiumflow;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The embedded database keeps its data in a folder that survives a stop and is owned by one instance at a time. */
@ExtendWith(OutputCaptureExtension.class)
class DataFolderTest {

    @TempDir
    Path data;

    @Test
    void aSecondStartReusesTheDataOfTheFirst() {
        try (ConfigurableApplicationContext first = start()) {
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            jdbc.execute("create table premiumflow.restart_probe (note text)");
            jdbc.update("insert into premiumflow.restart_probe values ('written before the stop')");
        }

        try (ConfigurableApplicationContext second = start()) {
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForList("select note from premiumflow.restart_probe", String.class))
                    .containsExactly("written before the stop");
            assertThat(jdbc.queryForObject(
                    "select count(*) from premiumflow.flyway_schema_history where version is not null", Integer.class))
                    .as("migrations are applied once, not again on restart")
                    .isEqualTo(DomainMigrations.count());
        }
    }

    @Test
    void aSecondInstanceOnTheSameFolderIsRefusedWithOneClearLine(CapturedOutput output) {
        try (ConfigurableApplicationContext ignored = start()) {
            assertThatThrownBy(this::start).hasStackTraceContaining("is in use by another running premiumflow");
        }

        assertThat(output.getOut()).containsPattern(
                "premiumflow did not start: The embedded PostgreSQL data folder .* is in use by another running premiumflow\\."
                        + " Fix: stop the other instance");
        assertThat(output.getAll()).doesNotContain("\tat ");
    }

    private ConfigurableApplicationContext start() {
        return Premiumflow.start("premiumflow.embedded.postgres.data-directory=" + data);
    }
}
