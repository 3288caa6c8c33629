package org.premiumflow.lifeevent;

/** A document taken for a life event; {@code created} false when it is one sent before under the same key. */
public record ReceivedDocument(LifeEventDocument document, boolean created) {
}
