package io.dealwire.digest.access;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code dealwire.desk.*}: the web desk's sign-in. */
@ConfigMapping(prefix = "dealwire.desk")
public interface DeskConfig {

    /** How long a desk session lasts from sign-in (not extended by use). */
    @WithDefault("12h")
    Duration sessionDuration();
}
