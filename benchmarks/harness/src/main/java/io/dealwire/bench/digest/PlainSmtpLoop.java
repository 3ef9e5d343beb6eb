package io.dealwire.bench.digest;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.net.SocketFactory;

/**
 * The client-side baseline of the digest: the digest's SMTP client (Angus Mail, Nagle off) on N
 * connections, each sending its share of the mails in a loop, every message built and encoded as the
 * digest builds one (text and HTML as alternatives, quoted-printable UTF-8), with no ledger, no
 * database and no rate limit: what the digest would send at if its own work cost nothing.
 */
final class PlainSmtpLoop {

    /** One issue as a subscriber receives it: the parts the digest encodes for every mail. */
    record Issue(String subject, String text, String html, int bytes) {

        /** Reads a mail the digest sent (its raw MIME, as GreenMail kept it). */
        static Issue parse(String rawMime) throws MessagingException, IOException {
            byte[] raw = rawMime.getBytes(StandardCharsets.UTF_8);
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
            MimeMultipart alternatives = (MimeMultipart) message.getContent();
            return new Issue(message.getSubject(), (String) alternatives.getBodyPart(0).getContent(),
                    (String) alternatives.getBodyPart(1).getContent(), raw.length);
        }
    }

    private final Issue issue;

    PlainSmtpLoop(Issue issue) {
        this.issue = issue;
        // configured as the digest's SmtpRelay configures it: no class-path scan per body part
        System.setProperty("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
    }

    /** Sends {@code mails} mails over {@code connections} connections; mails per second, first connect to last. */
    double send(int port, int mails, int connections) throws Exception {
        Session session = Session.getInstance(properties(port));
        ExecutorService lanes = Executors.newFixedThreadPool(connections);
        try {
            long start = System.nanoTime();
            List<Future<Void>> done = new ArrayList<>();
            for (int lane = 0; lane < connections; lane++) {
                int first = lane;
                done.add(lanes.submit(() -> {
                    try (Transport transport = session.getTransport("smtp")) {
                        transport.connect();
                        for (int i = first; i < mails; i += connections) {
                            MimeMessage message = message(session, DigestDb.email(i));
                            transport.sendMessage(message, message.getAllRecipients());
                        }
                    }
                    return null;
                }));
            }
            for (Future<Void> lane : done) {
                lane.get();
            }
            return mails / ((System.nanoTime() - start) / 1e9);
        } finally {
            lanes.shutdownNow();
        }
    }

    /** Milliseconds per mail to build and encode it, written to nowhere: the encoding share of a mail. */
    double encodeMillis(int mails) throws MessagingException, IOException {
        Session session = Session.getInstance(new Properties());
        long start = System.nanoTime();
        for (int i = 0; i < mails; i++) {
            message(session, DigestDb.email(i)).writeTo(OutputStream.nullOutputStream());
        }
        return (System.nanoTime() - start) / 1e6 / mails;
    }

    private MimeMessage message(Session session, String to) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("digest@dealwire.local"));
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(to));
        message.setSubject(issue.subject(), StandardCharsets.UTF_8.name());
        MimeMultipart alternatives = new MimeMultipart("alternative");
        alternatives.addBodyPart(part(issue.text(), "plain"));
        alternatives.addBodyPart(part(issue.html(), "html"));
        message.setContent(alternatives);
        message.saveChanges();
        return message;
    }

    private static MimeBodyPart part(String content, String subtype) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setText(content, StandardCharsets.UTF_8.name(), subtype);
        return part;
    }

    private static Properties properties(int port) {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", "127.0.0.1");
        properties.setProperty("mail.smtp.port", Integer.toString(port));
        properties.setProperty("mail.smtp.connectiontimeout", "10000");
        properties.setProperty("mail.smtp.timeout", "10000");
        properties.put("mail.smtp.socketFactory", new NoDelaySockets());
        return properties;
    }

    /** As the digest's own NoDelaySocketFactory: without TCP_NODELAY each mail waits 40 ms on a delayed ACK. */
    private static final class NoDelaySockets extends SocketFactory {

        @Override
        public Socket createSocket() throws IOException {
            Socket socket = new Socket();
            socket.setTcpNoDelay(true);
            return socket;
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return connected(new InetSocketAddress(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return connected(new InetSocketAddress(host, port));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return connected(new InetSocketAddress(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return connected(new InetSocketAddress(address, port));
        }

        private Socket connected(InetSocketAddress address) throws IOException {
            Socket socket = createSocket();
            socket.connect(address);
            return socket;
        }
    }
}
