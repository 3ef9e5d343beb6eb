package io.dealwire.digest.access;

/** The roles a digest caller can have. The admin key has both: the admin counts as an editor. */
public final class Roles {

    /** Sends and inspects issues ({@code /api/v1/digests/{week}/send}, state, preview). */
    public static final String ADMIN = "admin";

    /** Writes the editorial edition and signs in to the desk. */
    public static final String EDITOR = "editor";

    private Roles() {
    }
}
