package io.dealwire.digest.subscription;

/** The one answer to every subscription request, so it reveals nothing about who is subscribed. */
public record SubscriptionAccepted(String status, String message) {

    public static final SubscriptionAccepted INSTANCE = new SubscriptionAccepted("CONFIRMATION_SENT",
            "If this address can receive mail, a confirmation link is on its way. The subscription starts once"
                    + " the link is confirmed.");
}
