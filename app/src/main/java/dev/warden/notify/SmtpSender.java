package dev.warden.notify;

import dev.warden.owner.SecretRef;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.Properties;
import java.util.function.Function;

/**
 * Sends a message as a plain-text email through the configured SMTP server (Angus Mail): STARTTLS required unless
 * the settings say smtps or none, AUTH when a user is set, every step under the delivery timeout. The Message-ID is
 * {@code <delivery-id@warden>} and {@code X-Warden-Delivery} carries the id, so a mailbox or a filter can drop the rare
 * duplicate that at-least-once delivery may produce.
 */
public final class SmtpSender implements Sender {
    private final SmtpSettings settings;
    private final Session session;
    private final Function<String, String> env;

    /** @param env where {@code env:} password references are looked up (System::getenv outside tests) */
    public SmtpSender(SmtpSettings settings, Duration timeout, Function<String, String> env) {
        this.settings = settings;
        this.env = env;
        String p = settings.security() == SmtpSettings.Security.SMTPS ? "mail.smtps." : "mail.smtp.";
        Properties props = new Properties();
        props.put(p + "host", settings.host());
        props.put(p + "port", Integer.toString(settings.port()));
        props.put(p + "auth", Boolean.toString(settings.user() != null));
        String ms = Long.toString(timeout.toMillis());
        props.put(p + "connectiontimeout", ms);
        props.put(p + "timeout", ms);
        props.put(p + "writetimeout", ms);
        if (settings.security() == SmtpSettings.Security.STARTTLS) {
            props.put(p + "starttls.enable", "true");
            props.put(p + "starttls.required", "true");
        }
        if (settings.sslTrust() != null) {
            props.put(p + "ssl.trust", settings.sslTrust()); // its certificate is trusted as it is, name included
            props.put(p + "ssl.checkserveridentity", "false");
        } else {
            props.put(p + "ssl.checkserveridentity", "true");
        }
        this.session = Session.getInstance(props);
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public void send(Message m) throws DeliveryException {
        String password = null;
        if (settings.user() != null) {
            try {
                password = SecretRef.resolve(settings.passwordRef(), env);
            } catch (IllegalArgumentException e) {
                throw new DeliveryException("SMTP password " + e.getMessage(), false, e);
            }
        }
        String protocol = settings.security() == SmtpSettings.Security.SMTPS ? "smtps" : "smtp";
        try (Transport t = session.getTransport(protocol)) {
            MimeMessage mail = new IdentifiedMessage(session, "<" + m.deliveryId() + "@warden>");
            mail.setFrom(new InternetAddress(settings.from()));
            mail.setRecipients(jakarta.mail.Message.RecipientType.TO, InternetAddress.parse(m.endpoint(), true));
            mail.setSubject(m.subject(), StandardCharsets.UTF_8.name());
            mail.setText(m.text(), StandardCharsets.UTF_8.name());
            mail.setHeader(WebhookSignature.DELIVERY, m.deliveryId());
            mail.setSentDate(new Date());
            t.connect(settings.host(), settings.port(), settings.user(), password);
            Address[] to = mail.getAllRecipients();
            t.sendMessage(mail, to);
        } catch (AuthenticationFailedException e) {
            throw new DeliveryException("SMTP " + settings.host() + ": authentication failed", false, e);
        } catch (SendFailedException e) {
            throw new DeliveryException("SMTP " + settings.host() + " refused " + m.endpoint() + ": " + e.getMessage(), true, e);
        } catch (MessagingException e) {
            throw new DeliveryException("SMTP " + settings.host() + ":" + settings.port() + ": " + e.getMessage() + rootCause(e), false, e);
        }
    }

    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t == e ? "" : " (" + t + ")";
    }

    /** A MimeMessage whose Message-ID is the delivery id, not a fresh random one on every attempt. */
    private static final class IdentifiedMessage extends MimeMessage {
        private final String id;

        IdentifiedMessage(Session s, String id) {
            super(s);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
