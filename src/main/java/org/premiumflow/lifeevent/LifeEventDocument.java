package org.premiumflow.lifeevent;

import java.time.Instant;

/** Proof a member sent for a life event: the kind of document, their description of it, and when it came. */
public record LifeEventDocument(long id, String kind, String description, Instant receivedAt) {
}
