package io.dealwire.catalog.support;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.function.Supplier;

/**
 * Reads the catalog in a transaction of its own: a fresh persistence context each time, so polls
 * from Awaitility's thread see what the consumer committed meanwhile.
 */
public final class Db {

    private Db() {
    }

    public static <T> T read(Supplier<T> query) {
        return QuarkusTransaction.requiringNew().call(query::get);
    }

    public static void run(Runnable work) {
        QuarkusTransaction.requiringNew().run(work);
    }
}
