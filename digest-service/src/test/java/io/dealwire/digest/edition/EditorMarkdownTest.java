package io.dealwire.digest.edition;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealwire.digest.issue.Prose;
import org.junit.jupiter.api.Test;

/** The editor's Markdown subset: what renders, what stays text, what is refused. */
class EditorMarkdownTest {

    @Test
    void shouldRenderBoldItalicListsAndHttpsLinksWithInlineStyles() {
        Prose prose = EditorMarkdown.render("""
                **Two new entrants** and *one* plant.

                - [Pakistan](https://example.org/pk)
                - Kazakhstan""");
        assertThat(prose.html().getValue())
                .contains("<p style=\"margin:0 0 10px;\"><strong>Two new entrants</strong> and <em>one</em> plant.</p>")
                .contains("<ul style=\"margin:0 0 10px;padding-left:20px;\">")
                .contains("<a rel=\"nofollow\" href=\"https://example.org/pk\" style=\"color:#0b5c9c;\">Pakistan</a>");
        assertThat(prose.text()).contains("Two new entrants and one plant.").contains("Kazakhstan");
    }

    @Test
    void shouldShowRawHtmlAsTextNeverAsMarkup() {
        Prose prose = EditorMarkdown.render("Hello <script>alert(1)</script> <b onclick=\"x\">there</b>\n\n<div>block</div>");
        assertThat(prose.html().getValue())
                .doesNotContain("<script").doesNotContain("<b ").doesNotContain("<div")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("&lt;div&gt;block&lt;/div&gt;");
        assertThat(prose.text()).contains("<script>alert(1)</script>");
    }

    @Test
    void shouldKeepHeadingsQuotesAndCodeBlocksAsPlainParagraphs() {
        String html = EditorMarkdown.render("# Big\n\n> quoted\n\n    code").html().getValue();
        assertThat(html).doesNotContain("<h1").doesNotContain("<blockquote").doesNotContain("<pre");
    }

    @Test
    void shouldRefuseNonHttpsLinksAndImages() {
        assertThat(EditorMarkdown.problems("[x](http://example.org) [y](javascript:alert(1)) ![i](https://e/i.png)"))
                .containsExactly("links must be https:// (found \"http://example.org\")",
                        "links must be https:// (found \"javascript:alert(1)\")",
                        "images are not part of the editor's Markdown");
        assertThat(EditorMarkdown.problems("[ok](https://example.org) **fine**")).isEmpty();
    }

    @Test
    void shouldEscapeComputedTextIntoOneParagraph() {
        assertThat(Prose.plain("A <b> & \"c\"").html().getValue())
                .isEqualTo("<p style=\"margin:0 0 10px;\">A &lt;b&gt; &amp; &quot;c&quot;</p>");
    }
}
