package org.premiumflow.notification;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * A notice to send a member once: a repeat with the same member, template and business reference
 * (an invoice, a payment method's verification) is the same notice.
 *
 * @param model the template's variables; may hold more than it needs, and null values
 *     (process variables often do), which count as missing
 */
public record NoticeRequest(String memberId, NoticeTemplate template, String businessReference, Map<String, Object> model) {

    public NoticeRequest {
        if (memberId == null || memberId.isBlank()) {
            throw new IllegalArgumentException("A notice needs the member id it is for");
        }
        if (template == null) {
            throw new IllegalArgumentException("A notice needs a template");
        }
        if (businessReference == null || businessReference.isBlank()) {
            throw new IllegalArgumentException("Notice " + template + " needs a business reference, so that it is sent only once");
        }
        model = model == null ? Map.of() : Collections.unmodifiableMap(new HashMap<>(model));
    }
}
