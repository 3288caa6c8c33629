package org.premiumflow.notification;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders notices from {@code templates/mail/}: an e-mail from a notice's {@code .txt} and
 * {@code .html}, a text message from its {@code .sms.txt}. The engines are its own, not beans: a
 * template engine bean would take the place of the one Spring Boot configures for the web pages.
 */
@Component
class NoticeRenderer {

    private static final String LOCATION = "templates/mail/";

    private final TemplateEngine html = engine(TemplateMode.HTML, ".html");
    private final TemplateEngine text = engine(TemplateMode.TEXT, ".txt");

    RenderedNotice render(NoticeTemplate template, String firstName, NoticeModel model) {
        Context context = new Context(Locale.US);
        model.values().forEach(context::setVariable);
        context.setVariable("firstName", firstName);
        context.setVariable("subject", template.subject());
        return new RenderedNotice(template.subject(),
                text.process(template.fileName(), context),
                html.process(template.fileName(), context));
    }

    /**
     * The notice as one line of plain text, however the template spreads it over lines. It is not
     * given the member's name: a text shows on a locked phone's screen, and a name outside the
     * GSM-7 alphabet would more than halve the characters one message holds.
     */
    String textMessage(NoticeTemplate template, NoticeModel model) {
        Context context = new Context(Locale.US);
        model.values().forEach(context::setVariable);
        return text.process(template.fileName() + ".sms", context).strip().replaceAll("\\s+", " ");
    }

    private static TemplateEngine engine(TemplateMode mode, String suffix) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix(LOCATION);
        resolver.setSuffix(suffix);
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }
}
