package io.dealwire.digest.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.eclipse.angus.mail.util.QPEncoderStream;
import org.junit.jupiter.api.Test;

/** Our encoder writes what Angus Mail's stream writes, byte for byte, and decodes back to the input. */
class QuotedPrintableTest {

    @Test
    void shouldWriteWhatAngusWritesForTheEdgeCases() throws Exception {
        String[] cases = {
            "", " ", "a ", "a \r\nb", "a \nb", "a\rb", "a\r\n\r\nb", "tab\there\t\n", "x=y", "= at the end=",
            "Lynas’ A$1.2 bn offtake — 5,000 t NdPr from Mount Weld, Western Australia",
            "a".repeat(75), "a".repeat(76), "a".repeat(77), "a".repeat(300),
            "é".repeat(40), "a".repeat(74) + "é", "a".repeat(73) + " \n", "a".repeat(75) + " ",
            "<p>" + "word ".repeat(100) + "</p>\n" + "<td>US$&nbsp;1,250&nbsp;m</td>\r\n",
        };
        for (String text : cases) {
            assertThat(new String(QuotedPrintable.encode(bytes(text)), StandardCharsets.US_ASCII))
                    .as("encoding %s", text).isEqualTo(angus(bytes(text)));
        }
    }

    @Test
    void shouldWriteWhatAngusWritesForRandomText() throws Exception {
        Random random = new Random(2026_12_06);
        String alphabet = "abcXYZ019 =\t\r\n.-_’—éü€<>&;\"";
        for (int round = 0; round < 500; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(400);
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            byte[] input = bytes(text.toString());
            byte[] encoded = QuotedPrintable.encode(input);
            assertThat(new String(encoded, StandardCharsets.US_ASCII)).isEqualTo(angus(input));
            assertThat(decoded(encoded)).isEqualTo(bytes(text.toString().replaceAll("\r\n|\r|\n", "\r\n")));
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String angus(byte[] input) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream encoder = new QPEncoderStream(out)) {
            encoder.write(input);
        }
        return out.toString(StandardCharsets.US_ASCII);
    }

    private static byte[] decoded(byte[] encoded) throws Exception {
        return MimeUtility.decode(new ByteArrayInputStream(encoded), "quoted-printable").readAllBytes();
    }
}
