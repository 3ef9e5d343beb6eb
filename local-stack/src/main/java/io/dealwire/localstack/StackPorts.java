package io.dealwire.localstack;

/** Every port the local stack listens on (all on 127.0.0.1). */
public record StackPorts(int kafka, int smtp, int mailApi, int mailbox, int ingest, int catalog, int digest) {

    public static final int KAFKA = 9092;
    public static final int SMTP = 3025;
    public static final int MAIL_API = 8025;
    /** The mailbox page, beside the catcher's API. */
    public static final int MAILBOX = 8026;

    /** The documented ports, each replaced by a free one if something else already listens there. */
    public static StackPorts conventional() {
        return new StackPorts(FreePorts.preferred(KAFKA), FreePorts.preferred(SMTP), FreePorts.preferred(MAIL_API),
                FreePorts.preferred(MAILBOX), FreePorts.preferred(Service.INGEST.defaultPort()),
                FreePorts.preferred(Service.CATALOG.defaultPort()), FreePorts.preferred(Service.DIGEST.defaultPort()));
    }

    /** Ports nobody else uses: tests never clash with each other or with a running dev stack. */
    public static StackPorts ephemeral() {
        return new StackPorts(FreePorts.any(), FreePorts.any(), FreePorts.any(), FreePorts.any(), FreePorts.any(),
                FreePorts.any(), FreePorts.any());
    }

    public int of(Service service) {
        return switch (service) {
            case INGEST -> ingest;
            case CATALOG -> catalog;
            case DIGEST -> digest;
        };
    }
}
