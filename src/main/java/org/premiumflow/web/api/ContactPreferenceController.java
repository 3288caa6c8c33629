package org.premiumflow.web.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.premiumflow.member.AlertChannels;
import org.premiumflow.member.AlertChoice;
import org.premiumflow.member.ContactPreference.Alert;
import org.premiumflow.member.ContactPreference.Channel;
import org.premiumflow.paymentmethod.InvalidFieldException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Which channels a member gets each alert on: e-mail, text message or both. Notices about the
 * payment set-up itself are not alerts and always go by e-mail.
 */
@RestController
@RequestMapping("/api/members/{memberId}/contact-preferences")
class ContactPreferenceController {

    private static final String ALERTS = Arrays.stream(Alert.values()).map(Enum::name).collect(Collectors.joining(", "));

    private final AlertChannels alertChannels;

    ContactPreferenceController(AlertChannels alertChannels) {
        this.alertChannels = alertChannels;
    }

    /** Every alert with its channels, e.g. {"preferences": [{"alert": "PAYMENT_REMINDER", "channels": ["EMAIL", "SMS"]}]}. */
    record Preferences(List<Preference> preferences) {
    }

    record Preference(String alert, List<String> channels) {
    }

    /** Every alert, with the channels the member chose for it or e-mail if they chose none. */
    @GetMapping
    Preferences read(@PathVariable String memberId) {
        return view(alertChannels.all(memberId));
    }

    /** Replaces all the member's choices, or none of them; an alert left out goes by e-mail. */
    @PutMapping
    Preferences replace(@PathVariable String memberId, @RequestBody Preferences request) {
        FieldChecks checks = new FieldChecks();
        checks.require(request.preferences() != null, "preferences",
                "is required: a list of alerts with their channels, empty for every alert by e-mail");
        List<AlertChoice> choices = new ArrayList<>();
        Set<Alert> named = new HashSet<>();
        List<Preference> given = request.preferences() == null ? List.of() : request.preferences();
        for (int index = 0; index < given.size(); index++) {
            String field = "preferences[" + index + "]";
            Preference preference = given.get(index);
            checks.require(preference != null, field, "must be an alert with its channels");
            if (preference == null) {
                continue;
            }
            Alert alert = checks.check(() -> alert(field + ".alert", preference.alert()));
            boolean repeated = alert != null && !named.add(alert);
            checks.require(!repeated, field + ".alert", "names an alert named before; name each alert once");
            Set<Channel> channels = checks.check(() -> channels(field + ".channels", preference.channels()));
            if (alert != null && channels != null) {
                choices.add(new AlertChoice(alert, channels));
            }
        }
        checks.throwIfAnyFailed();
        return view(alertChannels.replace(memberId, choices));
    }

    private static Alert alert(String field, String value) {
        return Arrays.stream(Alert.values()).filter(alert -> alert.name().equals(value)).findFirst()
                .orElseThrow(() -> new InvalidFieldException(field, "must be one of " + ALERTS));
    }

    private static Set<Channel> channels(String field, List<String> values) {
        if (values == null || values.isEmpty() || !values.stream().allMatch(value -> "EMAIL".equals(value) || "SMS".equals(value))) {
            throw new InvalidFieldException(field, "must name EMAIL, SMS or both");
        }
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        values.forEach(value -> channels.add(Channel.valueOf(value)));
        return channels;
    }

    private static Preferences view(Map<Alert, Set<Channel>> channels) {
        return new Preferences(channels.entrySet().stream()
                .map(entry -> new Preference(entry.getKey().name(), entry.getValue().stream().sorted().map(Enum::name).toList()))
                .toList());
    }
}
