package org.premiumflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every notice renders from its variables alone, with values written the way a member reads them. */
class NoticeTemplatesTest {

    static final Map<String, Object> SAMPLES = Map.of(
            "method", "Checking account ending 6789",
            "previousMethod", "Visa card ending 4242",
            "reason", "The two amounts entered did not match three times",
            "confirmByDate", "2027-01-23",
            "firstDraftDate", "2027-01-23",
            "coverageMonth", "2027-02");

    final NoticeRenderer renderer = new NoticeRenderer();

    @ParameterizedTest
    @EnumSource(NoticeTemplate.class)
    void everyTemplateRendersItsVariablesAsTextAndHtml(NoticeTemplate template) {
        RenderedNotice notice = renderer.render(template, "Rosa", NoticeModel.of(template, SAMPLES));

        assertThat(notice.subject()).isEqualTo(template.subject());
        for (String body : new String[] {notice.text(), notice.html()}) {
            assertThat(body).contains("Hello", "Rosa", "Health Connector premium services")
                    .doesNotContain("${", "[(", "th:text", "th:replace", "xmlns:th");
            NoticeModel.of(template, SAMPLES).values().values().forEach(value -> assertThat(body).contains(value));
        }
        assertThat(notice.html()).startsWith("<!DOCTYPE html>").contains("<title>" + template.subject() + "</title>");
    }

    @Test
    void datesMonthsAndAmountsAreShownAsMembersReadThem() {
        NoticeTemplate template = NoticeTemplate.AUTOPAY_CONFIRMATION;
        Map<String, Object> fromProcess = Map.of("method", " Checking account ending 6789 ", "firstDraftDate", "2027-01-23",
                "coverageMonth", "2027-02");
        Map<String, Object> fromJava = Map.of("method", "Checking account ending 6789", "firstDraftDate", LocalDate.of(2027, 1, 23),
                "coverageMonth", YearMonth.of(2027, 2));
        Map<String, Object> monthAsItsFirstDay = Map.of("method", "Checking account ending 6789", "firstDraftDate", "2027-01-23",
                "coverageMonth", "2027-02-01");

        Map<String, String> expected = Map.of("method", "Checking account ending 6789", "firstDraftDate", "January 23, 2027",
                "coverageMonth", "February 2027");
        assertThat(NoticeModel.of(template, fromProcess).values()).isEqualTo(expected);
        assertThat(NoticeModel.of(template, fromJava).values()).isEqualTo(expected);
        assertThat(NoticeModel.of(template, monthAsItsFirstDay).values()).isEqualTo(expected);
    }

    @Test
    void amountsAreDollarsAndCents() {
        assertThat(NoticeModel.shown("premiumAmount", "211.25")).isEqualTo("$211.25");
        assertThat(NoticeModel.shown("premiumAmount", new BigDecimal("1211.5"))).isEqualTo("$1,211.50");
        assertThat(NoticeModel.shown("premiumAmount", 211.25)).as("a JSON number").isEqualTo("$211.25");
    }

    @Test
    void aMissingOrEmptyVariableIsNamedWithItsTemplate() {
        Map<String, Object> withoutDate = new HashMap<>(SAMPLES);
        withoutDate.remove("firstDraftDate");
        Map<String, Object> nullDate = new HashMap<>(SAMPLES);
        nullDate.put("firstDraftDate", null);
        Map<String, Object> blankMethod = new HashMap<>(SAMPLES);
        blankMethod.put("method", " ");

        assertThatThrownBy(() -> NoticeModel.of(NoticeTemplate.AUTOPAY_CONFIRMATION, withoutDate))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Notice AUTOPAY_CONFIRMATION needs the variable 'firstDraftDate'");
        assertThatThrownBy(() -> NoticeModel.of(NoticeTemplate.AUTOPAY_CONFIRMATION, nullDate))
                .hasMessage("Notice AUTOPAY_CONFIRMATION needs the variable 'firstDraftDate'");
        assertThatThrownBy(() -> NoticeModel.of(NoticeTemplate.AUTOPAY_CANCELLED, blankMethod))
                .hasMessage("Notice AUTOPAY_CANCELLED needs the variable 'method'");
    }

    @Test
    void aValueThatIsNotADateIsRefusedWithWhatWasExpected() {
        Map<String, Object> variables = new HashMap<>(SAMPLES);
        variables.put("confirmByDate", "next Tuesday");

        assertThatThrownBy(() -> NoticeModel.of(NoticeTemplate.MICRO_DEPOSITS_SENT, variables))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Notice MICRO_DEPOSITS_SENT: variable 'confirmByDate' is not a date like 2027-01-23 but 'next Tuesday'");
    }

    @Test
    void variablesATemplateDoesNotNeedAreLeftOut() {
        assertThat(NoticeModel.of(NoticeTemplate.PAYMENT_METHOD_VERIFIED, SAMPLES).values()).containsOnlyKeys("method");
    }

    @Test
    void theHtmlEscapesWhatItIsGivenAndTheTextShowsItAsItIs() {
        Map<String, Object> variables = Map.of("method", "Checking <account> & more");

        RenderedNotice notice = renderer.render(NoticeTemplate.AUTOPAY_CANCELLED, "Ann", NoticeModel.of(NoticeTemplate.AUTOPAY_CANCELLED, variables));

        assertThat(notice.html()).contains("Checking &lt;account&gt; &amp; more");
        assertThat(notice.text()).contains("Checking <account> & more");
    }

    @Test
    void templatesAreNamedAsModelsNameThem() {
        assertThat(NoticeTemplate.named("AUTOPAY_CONFIRMATION")).isEqualTo(NoticeTemplate.AUTOPAY_CONFIRMATION);
        assertThat(NoticeTemplate.named(" autopay-confirmation ")).isEqualTo(NoticeTemplate.AUTOPAY_CONFIRMATION);
        assertThat(NoticeTemplate.named("Micro-Deposits-Sent")).isEqualTo(NoticeTemplate.MICRO_DEPOSITS_SENT);
        assertThat(NoticeTemplate.AUTOPAY_METHOD_CHANGED.fileName()).isEqualTo("autopay-method-changed");
        assertThatThrownBy(() -> NoticeTemplate.named("WELCOME_PACK"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Unknown notice template 'WELCOME_PACK'; expected one of MICRO_DEPOSITS_SENT, ");
        assertThatThrownBy(() -> NoticeTemplate.named(null)).hasMessageStartingWith("No notice template named");
    }
}
