package io.dealwire.digest.issue;

import io.dealwire.contract.IsoWeek;
import io.dealwire.problem.Problem;
import io.dealwire.problem.ProblemException;

/** A {week} path parameter of the API: an ISO week, else a 400 problem saying what is wrong. */
public final class WeekParam {

    private WeekParam() {
    }

    public static IsoWeek parse(String week) {
        try {
            return IsoWeek.parse(week);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.of(400, "week " + e.getMessage()));
        }
    }
}
