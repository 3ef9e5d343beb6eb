package io.dealwire.digest.edition;

import io.dealwire.digest.issue.Prose;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * The editor's Markdown subset: paragraphs, {@code **bold**}, {@code *italic*}, lists and
 * {@code [text](https://…)} links. Headings, quotes, code blocks and rules are not parsed (they stay
 * text); raw HTML is escaped, never rendered; images and non-https links are refused by {@link #problems}.
 * The HTML carries inline styles, as email clients need.
 */
public final class EditorMarkdown {

    private static final Parser PARSER = Parser.builder().enabledBlockTypes(Set.of(ListBlock.class)).build();

    private static final Map<String, String> STYLES = Map.of(
            "p", "margin:0 0 10px;",
            "a", "color:#0b5c9c;",
            "ul", "margin:0 0 10px;padding-left:20px;",
            "ol", "margin:0 0 10px;padding-left:20px;",
            "li", "margin:0 0 4px;");

    private static final HtmlRenderer HTML = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .attributeProviderFactory(context -> (node, tagName, attributes) -> {
                String style = STYLES.get(tagName);
                if (style != null) {
                    attributes.put("style", style);
                }
            })
            .build();

    private static final TextContentRenderer TEXT = TextContentRenderer.builder().build();

    private EditorMarkdown() {
    }

    public static Prose render(String markdown) {
        Node document = PARSER.parse(markdown);
        return Prose.of(HTML.render(document), TEXT.render(document).strip());
    }

    /** Why {@code markdown} cannot be saved; empty when it can. */
    public static List<String> problems(String markdown) {
        List<String> problems = new ArrayList<>();
        PARSER.parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                if (!link.getDestination().startsWith("https://")) {
                    problems.add("links must be https:// (found \"" + link.getDestination() + "\")");
                }
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                problems.add("images are not part of the editor's Markdown");
            }
        });
        return problems;
    }
}
