package org.premiumflow.member;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

/** The premium of an enrollment from one month on. */
@Entity
@Table(name = "monthly_premium")
class MonthlyPremium {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "enrollment_id")
    private Enrollment enrollment;

    /** The first day of the month. */
    private LocalDate effectiveMonth;
    private BigDecimal gross;
    private BigDecimal aptc;
    private BigDecimal memberResponsibility;

    protected MonthlyPremium() {
    }

    MonthlyPremium(Enrollment enrollment, YearMonth month, Premium premium) {
        this.enrollment = enrollment;
        this.effectiveMonth = month.atDay(1);
        this.gross = premium.gross();
        this.aptc = premium.aptc();
        this.memberResponsibility = premium.memberResponsibility();
    }

    void change(Premium premium) {
        this.gross = premium.gross();
        this.aptc = premium.aptc();
        this.memberResponsibility = premium.memberResponsibility();
    }

    YearMonth effectiveMonth() {
        return YearMonth.from(effectiveMonth);
    }

    Premium premium() {
        return new Premium(gross, aptc);
    }
}
