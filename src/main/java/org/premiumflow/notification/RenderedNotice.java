package org.premiumflow.notification;

/** A notice's wording for one member, as the plain-text and the HTML alternative of one e-mail. */
record RenderedNotice(String subject, String text, String html) {
}
