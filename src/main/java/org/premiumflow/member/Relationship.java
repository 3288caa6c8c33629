package org.premiumflow.member;

/** How a person in the household is related to the member. */
public enum Relationship {
    SPOUSE,
    CHILD,
    DEPENDENT,
    OTHER
}
