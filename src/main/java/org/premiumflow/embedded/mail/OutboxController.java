package org.premiumflow.embedded.mail;

import java.nio.charset.StandardCharsets;
import org.premiumflow.embedded.ConditionalOnPropertyAbsent;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;

/** The embedded server's mail, readable in a browser, as Mailpit shows it in the compose stack. */
@Controller
@RequestMapping("/outbox")
@ConditionalOnPropertyAbsent("spring.mail.host")
class OutboxController {

    /** Mail HTML is untrusted content: no scripts, no network, no access to this application's origin. */
    private static final String SANDBOXED = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:";

    private final EmbeddedSmtpServer smtp;

    OutboxController(EmbeddedSmtpServer smtp) {
        this.smtp = smtp;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("messages", smtp.messagesNewestFirst());
        model.addAttribute("smtpPort", smtp.port());
        return "outbox/list";
    }

    @GetMapping("/{number}")
    String show(@PathVariable int number, Model model) {
        model.addAttribute("message", find(number));
        return "outbox/message";
    }

    @GetMapping("/{number}/html")
    ResponseEntity<String> html(@PathVariable int number) {
        String html = find(number).html()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Message " + number + " has no HTML body"));
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("Content-Security-Policy", SANDBOXED)
                .header("X-Content-Type-Options", "nosniff")
                .body(html);
    }

    @PostMapping("/clear")
    String clear() {
        smtp.clear();
        return "redirect:/outbox";
    }

    private OutboxMessage find(int number) {
        return smtp.message(number)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No message " + number + " in the outbox"));
    }
}
