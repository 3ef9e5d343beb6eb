package io.dealwire.catalog.deal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dealwire.contract.RareEarthElement;
import io.dealwire.contract.Stage;
import io.dealwire.problem.FieldError;
import io.dealwire.problem.ProblemException;
import org.junit.jupiter.api.Test;

/** Parameter parsing alone: defaults, normalization, and all errors reported at once. */
class DealFilterTest {

    static final DealFilter.Params DEFAULT_PARAMS = new DealFilter.Params(null, null, null, null, null, null,
            null, null, null, null, null, null);

    @Test
    void shouldDefaultToTheFirstPageOfFiftyActiveDeals() {
        DealFilter filter = DealFilter.parse(DEFAULT_PARAMS);

        assertThat(filter.page()).isZero();
        assertThat(filter.size()).isEqualTo(50);
        assertThat(filter.includeWithdrawn()).isFalse();
        assertThat(filter.week()).isNull();
    }

    @Test
    void shouldNormalizeCountryAndReadSymbolsAndEnums() {
        DealFilter filter = DealFilter.parse(new DealFilter.Params("2025-W37", null, null, "MIDSTREAM", null, "ca",
                "Dy", null, "  ", "true", "2", "200"));

        assertThat(filter.country()).isEqualTo("CA");
        assertThat(filter.element()).isEqualTo(RareEarthElement.DYSPROSIUM);
        assertThat(filter.stage()).isEqualTo(Stage.MIDSTREAM);
        assertThat(filter.q()).isNull();
        assertThat(filter.offset()).isEqualTo(400);
    }

    @Test
    void shouldReportEveryBadParameterInOneProblem() {
        DealFilter.Params bad = new DealFilter.Params("2025-W60", "2025-09-10", "2025-09-01", "MIDDLE", null, null,
                null, null, null, null, null, "500");

        assertThatThrownBy(() -> DealFilter.parse(bad))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(400);
                    assertThat(e.problem().errors()).extracting(FieldError::field)
                            .containsExactlyInAnyOrder("week", "to", "stage", "size");
                });
    }
}
