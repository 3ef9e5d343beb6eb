package io.dealwire.browser;

import io.dealwire.testsupport.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every page test shares: the one stack of this JVM (seeded once by {@link StackExtension})
 * and a headless browser per test class, back at desktop size before each test.
 */
@ExtendWith(StackExtension.class)
abstract class PageTest {

    protected static Stack stack;
    protected static Browser browser;

    @BeforeAll
    static void openBrowser(Stack sharedStack) {
        stack = sharedStack;
        browser = Browser.open();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @BeforeEach
    void desktop() {
        Pages.desktop(browser);
    }
}
