package io.dealwire.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A clone holds everything its documents point to: every relative link of the READMEs and of docs/
 * resolves to a file or folder inside the repository, and no document names the {@code ../shared}
 * folder that only the team's machines have.
 */
class RepositoryLinksTest {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");
    private static final String OUTSIDE = "../shared/";

    @Test
    void shouldResolveEveryRelativeLinkInsideTheRepository() throws IOException {
        Path home = TestHome.path();
        List<String> broken = new ArrayList<>();
        List<Path> documents = RepositoryDocuments.markdown(home);
        for (Path document : documents) {
            String text = Files.readString(document);
            Matcher link = LINK.matcher(text);
            while (link.find()) {
                String target = link.group(1);
                if (SCHEME.matcher(target).find() || target.startsWith("#")) {
                    continue; // a web address, or a heading of the same page
                }
                String path = URLDecoder.decode(target.replaceFirst("#.*$", ""), StandardCharsets.UTF_8);
                Path resolved = document.getParent().resolve(path).normalize();
                if (!resolved.startsWith(home) || !Files.exists(resolved)) {
                    broken.add(home.relativize(document) + ": " + target);
                }
            }
            if (text.contains(OUTSIDE)) {
                broken.add(home.relativize(document) + ": names " + OUTSIDE + ", which a clone does not have");
            }
        }
        assertThat(documents).contains(home.resolve("README.md"), home.resolve("docs/PRODUCT.md"));
        assertThat(broken).isEmpty();
    }
}
