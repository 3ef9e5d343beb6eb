package io.dealwire.digest.mail;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Quoted-printable (RFC 2045) over a whole byte array, byte for byte what Angus Mail's
 * {@code QPEncoderStream} writes (lines of at most 76 bytes, soft breaks {@code =CRLF}, a space
 * before a line break encoded, CR, LF and CRLF all written as CRLF). Angus' stream takes every byte
 * through three virtual writes on a stack of filter streams down to the socket; in the digest
 * benchmark (6 Dec 2026, 10,000 mails into Postfix's smtp-sink) that was most of the digest's CPU,
 * see docs/benchmarks.md. {@code QuotedPrintableTest} holds the two encoders to the same output.
 */
final class QuotedPrintable {

    private static final int LINE = 76 - 1; // one byte kept for the '=' of a soft break
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    private byte[] out;
    private int length;
    private int count; // bytes on the current line

    private QuotedPrintable(int size) {
        this.out = new byte[size + size / 8 + 16];
    }

    static byte[] encode(byte[] bytes) {
        QuotedPrintable encoder = new QuotedPrintable(bytes.length);
        encoder.write(bytes);
        return Arrays.copyOf(encoder.out, encoder.length);
    }

    private void write(byte[] bytes) {
        boolean space = false;
        boolean cr = false;
        for (byte b : bytes) {
            int c = b & 0xff;
            if (space) {
                output(' ', c == '\r' || c == '\n');
                space = false;
            }
            if (c == '\r') {
                cr = true;
                lineBreak();
                continue;
            }
            if (c == '\n') {
                if (!cr) {
                    lineBreak();
                }
            } else if (c == ' ') {
                space = true;
            } else {
                output(c, c < 040 || c >= 0177 || c == '=');
            }
            cr = false;
        }
        if (space) {
            output(' ', true);
        }
    }

    private void lineBreak() {
        put('\r');
        put('\n');
        count = 0;
    }

    private void output(int c, boolean encode) {
        int width = encode ? 3 : 1;
        if ((count += width) > LINE) {
            put('=');
            put('\r');
            put('\n');
            count = width;
        }
        if (encode) {
            put('=');
            put(HEX[c >> 4]);
            put(HEX[c & 0xf]);
        } else {
            put(c);
        }
    }

    private void put(int b) {
        if (length == out.length) {
            out = Arrays.copyOf(out, out.length * 2);
        }
        out[length++] = (byte) b;
    }
}
