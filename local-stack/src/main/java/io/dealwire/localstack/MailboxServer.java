package io.dealwire.localstack;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mailbox page: every mail the catcher kept, each with its headers, HTML and text part and its raw
 * {@code .eml}, read over the catcher's REST API at each request (nothing is cached, a new mail shows on
 * reload). The JDK's own HTTP server on 127.0.0.1: a page for people, not worth a framework.
 */
public final class MailboxServer implements AutoCloseable {

    private static final Pattern MESSAGE = Pattern.compile("/message/([0-9a-f]{16})(\\.eml)?");
    /** Belt and braces beside the iframe's sandbox: no script runs on these pages, mail HTML included. */
    private static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data: http: https:;"
            + " frame-ancestors 'none'; form-action 'none'; base-uri 'none'";

    private final HttpServer server;
    private final MailCatcher catcher;

    private MailboxServer(HttpServer server, MailCatcher catcher) {
        this.server = server;
        this.catcher = catcher;
    }

    public static MailboxServer start(int port, MailCatcher catcher) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        MailboxServer mailbox = new MailboxServer(server, catcher);
        server.createContext("/", mailbox::handle);
        server.start();
        return mailbox;
    }

    /** A message's page relative to the mailbox's root; its raw mail is the same with {@code .eml}. */
    static String path(String id) {
        return "message/" + id;
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Reply reply;
            try {
                reply = reply(exchange.getRequestMethod(), exchange.getRequestURI().getPath());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                reply = Reply.page(503, MailboxPages.problem("Stopping", "The local stack is stopping."));
            } catch (IOException | RuntimeException e) {
                // the catcher stopped or answered oddly: say so rather than drop the connection
                reply = Reply.page(502, MailboxPages.problem("The mail catcher did not answer",
                        String.valueOf(e.getMessage())));
            }
            reply.writeTo(exchange);
        }
    }

    private Reply reply(String method, String path) throws IOException, InterruptedException {
        if (!"GET".equals(method)) {
            return Reply.page(405, MailboxPages.problem("Method not allowed", "The mailbox is read-only."));
        }
        if ("/".equals(path)) {
            return Reply.page(200, MailboxPages.list(catcher.caught()));
        }
        Matcher message = MESSAGE.matcher(path);
        Optional<CaughtMail> mail = message.matches() ? find(message.group(1)) : Optional.empty();
        if (mail.isEmpty()) {
            return Reply.page(404, MailboxPages.problem("Not found", "No caught mail at " + path + "."));
        }
        return message.group(2) == null ? Reply.page(200, MailboxPages.message(mail.get())) : Reply.eml(mail.get());
    }

    private Optional<CaughtMail> find(String id) throws IOException, InterruptedException {
        return catcher.caught().stream().filter(mail -> mail.id().equals(id)).findFirst();
    }

    /** A response worked out before anything is sent, so a failure can still become an error page. */
    private record Reply(int status, String contentType, String attachment, byte[] body) {

        static Reply page(int status, String html) {
            return new Reply(status, "text/html; charset=utf-8", null, html.getBytes(StandardCharsets.UTF_8));
        }

        static Reply eml(CaughtMail mail) {
            return new Reply(200, "message/rfc822", mail.id() + ".eml", mail.raw().getBytes(StandardCharsets.UTF_8));
        }

        void writeTo(HttpExchange exchange) throws IOException {
            Headers headers = exchange.getResponseHeaders();
            headers.set("Content-Type", contentType);
            headers.set("Content-Security-Policy", POLICY);
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Cache-Control", "no-store");
            if (attachment != null) {
                headers.set("Content-Disposition", "attachment; filename=\"" + attachment + "\"");
            }
            if (status == 405) {
                headers.set("Allow", "GET");
            }
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
