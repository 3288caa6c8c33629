package org.premiumflow.member;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** Someone in the member's household: their age counts for the premium, their events for life-event changes. */
@Entity
@Table(name = "household_person")
public class HouseholdPerson {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "member_id")
    private Member member;

    private String firstName;
    private String lastName;
    private LocalDate dateOfBirth;

    @Enumerated(EnumType.STRING)
    private Relationship relationship;
    private LocalDate leftOn;

    protected HouseholdPerson() {
    }

    HouseholdPerson(Member member, String firstName, String lastName, LocalDate dateOfBirth, Relationship relationship) {
        this.member = member;
        this.firstName = firstName;
        this.lastName = lastName;
        this.dateOfBirth = dateOfBirth;
        this.relationship = relationship;
    }

    public Long id() {
        return id;
    }

    public String firstName() {
        return firstName;
    }

    public LocalDate dateOfBirth() {
        return dateOfBirth;
    }

    public Relationship relationship() {
        return relationship;
    }

    /** Whether they still belong to the household, and so to the member's plan. */
    public boolean inHousehold() {
        return leftOn == null;
    }

    /** They left the household (a divorce, a death) on that day; the first day recorded stands. */
    public void leave(LocalDate day) {
        if (leftOn == null) {
            leftOn = day;
        }
    }

    @Override
    public String toString() {
        return "HouseholdPerson[" + id + "]";
    }
}
