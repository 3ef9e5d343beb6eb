package io.dealwire.digest.edition;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A deal an editor took out of a week: the issue rule skips it while this row exists. */
@Entity
@Table(name = "excluded_deal")
public class ExcludedDeal extends PanacheEntityBase {

    @Id
    @Column(name = "deal_id")
    public UUID dealId;

    @Column(nullable = false)
    public String week;
}
