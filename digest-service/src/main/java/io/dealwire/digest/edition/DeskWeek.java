package io.dealwire.digest.edition;

import io.dealwire.contract.IsoWeek;
import io.dealwire.digest.issue.Formats;

/** One line of the desk's list of weeks: the week, how many deals it has, its edition's status. */
public record DeskWeek(String week, long deals, Edition.Status status) {

    /** "28 Sep 2026 – 4 Oct 2026": editors think in dates, not week numbers. */
    public String days() {
        IsoWeek iso = IsoWeek.parse(week);
        return Formats.day(iso.firstDay()) + " – " + Formats.day(iso.lastDay());
    }

    public boolean sent() {
        return status == Edition.Status.SENT;
    }
}
