package io.dealwire.testsupport;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A real SMTP server (GreenMail) per app start, reached through a {@link TcpProxy}: the app's port
 * stays held while a test stops and restarts GreenMail (which comes back on a new port of its own)
 * or makes the relay go silent. The test reads what arrived through a {@link GreenMail} field and
 * steers the relay's proxy through a {@link TcpProxy} field, both annotated {@link InjectGreenMail}.
 */
public class GreenMailResource implements QuarkusTestResourceLifecycleManager {

    private GreenMail greenMail;
    private TcpProxy proxy;

    @Override
    public Map<String, String> start() {
        greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        proxy = new TcpProxy("127.0.0.1", () -> greenMail.getSmtp().getPort());
        return Map.of(
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", Integer.toString(proxy.port()),
                "quarkus.mailer.tls", "false",
                "quarkus.mailer.start-tls", "DISABLED");
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(greenMail,
                new TestInjector.AnnotatedAndMatchesType(InjectGreenMail.class, GreenMail.class));
        testInjector.injectIntoFields(proxy,
                new TestInjector.AnnotatedAndMatchesType(InjectGreenMail.class, TcpProxy.class));
    }

    @Override
    public void stop() {
        if (proxy != null) {
            proxy.close();
        }
        if (greenMail != null) {
            greenMail.stop();
        }
    }
}
