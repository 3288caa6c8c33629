package org.premiumflow.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Members, households, enrollments and premiums as they are stored, with the rules the database itself keeps. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "premiumflow.embedded.postgres.ephemeral=true")
class MemberPersistenceTest {

    @Autowired
    Members members;
    @Autowired
    Enrollments enrollments;
    @Autowired
    ContactPreferences contactPreferences;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aMemberWithHouseholdEnrollmentAndPremiumsIsStoredAndReadBack() {
        transactions.executeWithoutResult(status -> {
            Member member = new Member("M-1001", "Rosa", "Diaz", LocalDate.of(1984, 3, 2), Instant.parse("2026-11-01T12:00:00Z"));
            member.contactAt("rosa@example.org", "+16175550100");
            member.addToHousehold("Leo", "Diaz", LocalDate.of(2015, 6, 9), Relationship.CHILD);
            members.save(member);
            Enrollment enrollment = new Enrollment(member, "MA-CC-2B-01", "ConnectorCare 2B Silver", LocalDate.of(2027, 1, 1),
                    Program.CONNECTORCARE, ConnectorCarePlanType.TYPE_2B);
            enrollment.premiumFrom(YearMonth.of(2027, 1), new Premium(new BigDecimal("612.40"), new BigDecimal("562.40")));
            enrollment.premiumFrom(YearMonth.of(2027, 5), new Premium(new BigDecimal("612.40"), new BigDecimal("580.40")));
            enrollments.save(enrollment);
            contactPreferences.save(new ContactPreference("M-1001", ContactPreference.Alert.PAYMENT_REMINDER,
                    ContactPreference.Channel.SMS));
        });

        transactions.executeWithoutResult(status -> {
            Member member = members.findById("M-1001").orElseThrow();
            assertThat(member.household()).singleElement().satisfies(child -> assertThat(child.relationship()).isEqualTo(Relationship.CHILD));
            Enrollment enrollment = enrollments.findByMemberMemberIdOrderByCoverageStart("M-1001").get(0);
            assertThat(enrollment.connectorCarePlanType()).contains(ConnectorCarePlanType.TYPE_2B);
            assertThat(enrollment.premiumFor(YearMonth.of(2027, 3)).orElseThrow().memberResponsibility()).isEqualByComparingTo("50.00");
            assertThat(enrollment.premiumFor(YearMonth.of(2027, 6)).orElseThrow().memberResponsibility()).isEqualByComparingTo("32.00");
            assertThat(enrollment.premiumFor(YearMonth.of(2026, 12))).as("before coverage").isEmpty();
            assertThat(contactPreferences.findByKeyMemberId("M-1001")).extracting(ContactPreference::channel)
                    .containsExactly(ContactPreference.Channel.SMS);
            assertThat(member.toString()).isEqualTo("Member[M-1001]").doesNotContain("Rosa");
        });
    }

    @Test
    void theDatabaseRefusesAPremiumWhoseMemberShareIsNotGrossLessAptc() {
        jdbc.update("insert into premiumflow.member values ('M-2002', 'Ann', 'Lee', '1990-01-01', null, null, now())");
        Long enrollment = jdbc.queryForObject("""
                insert into premiumflow.enrollment (member_id, plan_id, plan_name, coverage_start, program)
                values ('M-2002', 'P-1', 'Bronze', '2027-01-01', 'UNSUBSIDIZED') returning id""", Long.class);

        assertThatThrownBy(() -> jdbc.update("""
                insert into premiumflow.monthly_premium (enrollment_id, effective_month, gross, aptc, member_responsibility)
                values (?, '2027-01-01', 400.00, 100.00, 250.00)""", enrollment))
                .hasMessageContaining("monthly_premium_check");
        assertThatThrownBy(() -> jdbc.update("""
                insert into premiumflow.enrollment (member_id, plan_id, plan_name, coverage_start, program)
                values ('M-2002', 'P-2', 'Silver', '2027-01-01', 'CONNECTORCARE')"""))
                .as("ConnectorCare needs its plan type").hasMessageContaining("enrollment_check");
    }

    @Test
    void aPremiumCannotGiveMoreCreditThanItCosts() {
        assertThatThrownBy(() -> new Premium(new BigDecimal("100.00"), new BigDecimal("100.01"))).hasMessageStartingWith("aptc:");
        assertThat(new Premium(new BigDecimal("0"), BigDecimal.ZERO).isZero()).isTrue();
        assertThatThrownBy(() -> new Enrollment(null, "P", "Plan", LocalDate.of(2027, 1, 1), Program.APTC_ONLY,
                ConnectorCarePlanType.TYPE_1)).hasMessageStartingWith("connectorCarePlanType:");
    }
}
