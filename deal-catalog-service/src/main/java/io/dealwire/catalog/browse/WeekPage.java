package io.dealwire.catalog.browse;

import io.dealwire.contract.DealType;
import io.dealwire.contract.Stage;
import java.util.List;

/** What the week page shows: the filters as chosen, and the matching deals grouped by stage. */
public record WeekPage(
        String week,
        String previousWeek,
        String nextWeek,
        String firstDay,
        String lastDay,
        String stage,
        String dealType,
        String country,
        long total,
        List<StageGroup> groups,
        List<Stage> stages,
        List<DealType> dealTypes) {
}
