package io.dealwire.browser;

import jakarta.mail.internet.MimeMessage;

/**
 * What seeding left behind for the tests.
 *
 * @param revisedDealId the seed deal with two revisions
 * @param escapingDealId the deal whose partner text is HTML
 * @param readerSeedIssue the 2025-W37 issue as the confirmed reader received it
 */
record Seeded(String revisedDealId, String escapingDealId, MimeMessage readerSeedIssue) {
}
