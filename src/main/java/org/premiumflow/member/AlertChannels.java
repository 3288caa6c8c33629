package org.premiumflow.member;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.premiumflow.member.ContactPreference.Alert;
import org.premiumflow.member.ContactPreference.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which channels each alert reaches a member on, as the member chose. An alert the member made no
 * choice for goes by e-mail, the channel every member is reached on unless they ask otherwise.
 */
@Service
public class AlertChannels {

    private static final Logger log = LoggerFactory.getLogger(AlertChannels.class);

    private final ContactPreferences preferences;
    private final Members members;

    AlertChannels(ContactPreferences preferences, Members members) {
        this.preferences = preferences;
        this.members = members;
    }

    /** The channels this alert goes to the member on. */
    public Set<Channel> of(String memberId, Alert alert) {
        Set<Channel> chosen = EnumSet.noneOf(Channel.class);
        preferences.findByKeyMemberId(memberId).stream()
                .filter(preference -> preference.alert() == alert)
                .forEach(preference -> chosen.add(preference.channel()));
        return chosen.isEmpty() ? EnumSet.of(Channel.EMAIL) : chosen;
    }

    /**
     * Every alert with the channels it goes on, chosen or by default, in the order of {@link Alert}.
     *
     * @throws UnknownMemberException if there is no such member
     */
    @Transactional(readOnly = true)
    public Map<Alert, Set<Channel>> all(String memberId) {
        if (!members.existsById(memberId)) {
            throw new UnknownMemberException(memberId);
        }
        Map<Alert, Set<Channel>> chosen = new EnumMap<>(Alert.class);
        preferences.findByKeyMemberId(memberId).forEach(preference ->
                chosen.computeIfAbsent(preference.alert(), alert -> EnumSet.noneOf(Channel.class)).add(preference.channel()));
        Map<Alert, Set<Channel>> all = new EnumMap<>(Alert.class);
        for (Alert alert : Alert.values()) {
            all.put(alert, chosen.getOrDefault(alert, EnumSet.of(Channel.EMAIL)));
        }
        return all;
    }

    /**
     * Replaces all the member's choices with these, or changes nothing: alerts not named go back to
     * e-mail. The member is locked meanwhile, so two replacements at once happen one after the other.
     *
     * @throws UnknownMemberException if there is no such member
     * @throws NoPhoneNumberException if a choice asks for text messages and the member has no phone number
     * @throws IllegalArgumentException if an alert is named twice
     */
    @Transactional
    public Map<Alert, Set<Channel>> replace(String memberId, List<AlertChoice> choices) {
        Member member = members.lockById(memberId).orElseThrow(() -> new UnknownMemberException(memberId));
        Set<Alert> named = new HashSet<>();
        choices.forEach(choice -> {
            if (!named.add(choice.alert())) {
                throw new IllegalArgumentException("Alert " + choice.alert() + " is named twice");
            }
        });
        List<Integer> bySms = IntStream.range(0, choices.size())
                .filter(index -> choices.get(index).channels().contains(Channel.SMS))
                .boxed().toList();
        if (!bySms.isEmpty() && (member.phone() == null || member.phone().isBlank())) {
            throw new NoPhoneNumberException(memberId, bySms);
        }
        preferences.deleteAllOfMember(memberId);
        List<ContactPreference> rows = new ArrayList<>();
        choices.forEach(choice -> choice.channels().forEach(channel -> rows.add(new ContactPreference(memberId, choice.alert(), channel))));
        preferences.saveAll(rows);
        log.info("Member {} chose channels for {} alerts; the others go by e-mail", memberId, choices.size());
        return all(memberId);
    }
}
