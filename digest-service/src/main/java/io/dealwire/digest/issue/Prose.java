package io.dealwire.digest.issue;

import io.quarkus.qute.RawString;

/**
 * A passage of an issue in both parts of the mail: {@code html} is safe to insert as is (escaped
 * text, or the editor's Markdown rendered with raw HTML escaped), {@code text} is for the plain part.
 */
public record Prose(RawString html, String text) {

    public static Prose of(String safeHtml, String text) {
        return new Prose(new RawString(safeHtml), text);
    }

    /** Computed text: escaped into one paragraph. */
    public static Prose plain(String text) {
        return of("<p style=\"margin:0 0 10px;\">" + escape(text) + "</p>", text);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
