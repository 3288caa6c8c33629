package org.premiumflow.lifeevent;

import java.time.LocalDate;
import org.premiumflow.member.Relationship;

/** Someone who joins the member's plan with a life event: a spouse at a marriage, a child at a birth or adoption. */
public record JoiningPerson(String firstName, String lastName, LocalDate dateOfBirth, Relationship relationship) {
}
