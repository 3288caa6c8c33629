package org.premiumflow.member;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A member of the exchange: the person who enrolled and pays, identified by their member id. */
@Entity
@Table(name = "member")
public class Member {

    @Id
    private String memberId;
    private String firstName;
    private String lastName;
    private LocalDate dateOfBirth;
    private String email;
    private String phone;
    private Instant createdAt;

    @OneToMany(mappedBy = "member", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<HouseholdPerson> household = new ArrayList<>();

    protected Member() {
    }

    public Member(String memberId, String firstName, String lastName, LocalDate dateOfBirth, Instant createdAt) {
        this.memberId = memberId;
        this.firstName = firstName;
        this.lastName = lastName;
        this.dateOfBirth = dateOfBirth;
        this.createdAt = createdAt;
    }

    public HouseholdPerson addToHousehold(String firstName, String lastName, LocalDate dateOfBirth, Relationship relationship) {
        HouseholdPerson person = new HouseholdPerson(this, firstName, lastName, dateOfBirth, relationship);
        household.add(person);
        return person;
    }

    public void contactAt(String email, String phone) {
        this.email = email;
        this.phone = phone;
    }

    public String memberId() {
        return memberId;
    }

    public String firstName() {
        return firstName;
    }

    public String lastName() {
        return lastName;
    }

    public LocalDate dateOfBirth() {
        return dateOfBirth;
    }

    public String email() {
        return email;
    }

    public String phone() {
        return phone;
    }

    public List<HouseholdPerson> household() {
        return Collections.unmodifiableList(household);
    }

    /** Names only the member id: names, dates of birth and contact details are personal data and stay out of logs. */
    @Override
    public String toString() {
        return "Member[" + memberId + "]";
    }
}
