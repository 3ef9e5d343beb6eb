package io.dealwire.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small SMTP server on loopback that speaks the real protocol (greeting, EHLO/HELO, MAIL FROM, RCPT
 * TO, DATA with dot-unstuffing, RSET, NOOP, QUIT) and answers one recipient as a test scripts it: a
 * reply to RCPT TO, a reply to the end of the data, or the connection dropped right after the final dot
 * (no reply: the client cannot know whether the message was taken). Every other message is accepted
 * and kept. One thread per connection; what GreenMail cannot be made to do.
 */
public final class ScriptedSmtpServer implements AutoCloseable {

    /** A message the server accepted (250 to its end of data). */
    public record Received(String from, List<String> recipients, String data) {
    }

    private sealed interface Script permits RcptReply, EndOfDataReply, DropAfterData {
    }

    /** {@code times} answers, then the recipient is accepted again (-1: for good). */
    private record RcptReply(String reply, int times) implements Script {
    }

    private record EndOfDataReply(String reply) implements Script {
    }

    private record DropAfterData() implements Script {
    }

    private final ServerSocket server;
    private final Map<String, Script> scripts = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<String> refusals = new CopyOnWriteArrayList<>();
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private final AtomicInteger sessions = new AtomicInteger();
    private volatile long endOfDataDelayMillis;

    public ScriptedSmtpServer() {
        try {
            server = new ServerSocket();
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (IOException e) {
            throw new UncheckedIOException("scripted SMTP server could not listen", e);
        }
        Thread acceptor = new Thread(this::accept, "scripted-smtp-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** RCPT TO of {@code address} gets {@code reply}, e.g. {@code "550 5.1.1 No such user"}. */
    public void refuseRecipient(String address, String reply) {
        scripts.put(key(address), new RcptReply(reply, -1));
    }

    /** The next RCPT TO of {@code address} gets {@code reply} (e.g. {@code "452 4.2.2 Mailbox full"}), later ones 250. */
    public void refuseRecipientOnce(String address, String reply) {
        scripts.put(key(address), new RcptReply(reply, 1));
    }

    /** Every refusal the server answered, as {@code address: reply}, in order. */
    public List<String> refusals() {
        return List.copyOf(refusals);
    }

    /** The end of data of a message to {@code address} gets {@code reply}, e.g. {@code "554 5.6.0 Rejected"}. */
    public void refuseMessage(String address, String reply) {
        scripts.put(key(address), new EndOfDataReply(reply));
    }

    /** A message to {@code address} is read to its final dot, then the connection is closed without a reply. */
    public void dropAfterData(String address) {
        scripts.put(key(address), new DropAfterData());
    }

    /** Every reply to an end of data comes this much later: a slow relay, so that senders overlap. */
    public void delayEndOfData(Duration delay) {
        endOfDataDelayMillis = delay.toMillis();
    }

    /** Messages to {@code address} are accepted again. */
    public void accept(String address) {
        scripts.remove(key(address));
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** The accepted messages to {@code address}. */
    public List<Received> receivedBy(String address) {
        return received.stream().filter(r -> r.recipients().contains(key(address))).toList();
    }

    /** Connections accepted so far. */
    public int sessions() {
        return sessions.get();
    }

    /** Closes every open connection, as a relay does with idle ones after its timeout. */
    public void dropConnections() {
        connections.forEach(ScriptedSmtpServer::closeQuietly);
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing
        }
        connections.forEach(ScriptedSmtpServer::closeQuietly);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                sessions.incrementAndGet();
                connections.add(socket);
                Thread session = new Thread(() -> serve(socket), "scripted-smtp-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException e) {
                // closed, or a failed accept: the loop ends once the server socket is closed
            }
        }
    }

    private void serve(Socket socket) {
        try (socket;
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                        StandardCharsets.UTF_8));
                OutputStream out = socket.getOutputStream()) {
            reply(out, "220 scripted.smtp.local ESMTP ready");
            String from = null;
            List<String> recipients = new ArrayList<>();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String command = line.length() < 4 ? line.toUpperCase(Locale.ROOT)
                        : line.substring(0, 4).toUpperCase(Locale.ROOT);
                switch (command) {
                    case "EHLO" -> reply(out, "250-scripted.smtp.local\r\n250-8BITMIME\r\n250 SMTPUTF8");
                    case "HELO" -> reply(out, "250 scripted.smtp.local");
                    case "MAIL" -> {
                        from = address(line);
                        recipients.clear();
                        reply(out, "250 2.1.0 OK");
                    }
                    case "RCPT" -> {
                        String to = address(line);
                        if (scripts.get(to) instanceof RcptReply refusal) {
                            if (refusal.times() == 1) {
                                scripts.remove(to, refusal);
                            }
                            refusals.add(to + ": " + refusal.reply());
                            reply(out, refusal.reply());
                        } else {
                            recipients.add(to);
                            reply(out, "250 2.1.5 OK");
                        }
                    }
                    case "DATA" -> {
                        if (recipients.isEmpty()) {
                            reply(out, "554 5.5.1 No valid recipients");
                            continue;
                        }
                        reply(out, "354 End data with <CR><LF>.<CR><LF>");
                        String data = readData(in);
                        if (endOfDataDelayMillis > 0) {
                            try {
                                Thread.sleep(endOfDataDelayMillis);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                return;
                            }
                        }
                        Script script = recipients.stream().map(scripts::get).filter(s -> s != null)
                                .findFirst().orElse(null);
                        if (script instanceof DropAfterData) {
                            return; // closes the connection: the message's fate is unknown to the client
                        }
                        if (script instanceof EndOfDataReply refusal) {
                            refusals.add(String.join(",", recipients) + ": " + refusal.reply());
                            reply(out, refusal.reply());
                        } else {
                            received.add(new Received(from, List.copyOf(recipients), data));
                            reply(out, "250 2.0.0 OK queued");
                        }
                        recipients.clear();
                    }
                    case "RSET" -> {
                        from = null;
                        recipients.clear();
                        reply(out, "250 2.0.0 OK");
                    }
                    case "NOOP" -> reply(out, "250 2.0.0 OK");
                    case "QUIT" -> {
                        reply(out, "221 2.0.0 Bye");
                        return;
                    }
                    default -> reply(out, "500 5.5.2 Command not recognized");
                }
            }
        } catch (IOException e) {
            // the client went away
        } finally {
            connections.remove(socket);
        }
    }

    private static String readData(BufferedReader in) throws IOException {
        StringBuilder data = new StringBuilder();
        for (String line = in.readLine(); line != null && !line.equals("."); line = in.readLine()) {
            data.append(line.startsWith(".") ? line.substring(1) : line).append("\r\n");
        }
        return data.toString();
    }

    private static void reply(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** The address between angle brackets of {@code MAIL FROM:<a>} / {@code RCPT TO:<a>}, lower-cased. */
    private static String address(String line) {
        int open = line.indexOf('<');
        int close = line.indexOf('>', open + 1);
        return open >= 0 && close > open ? key(line.substring(open + 1, close)) : "";
    }

    private static String key(String address) {
        return address.trim().toLowerCase(Locale.ROOT);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
