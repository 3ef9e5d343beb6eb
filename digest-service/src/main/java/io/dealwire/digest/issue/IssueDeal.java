package io.dealwire.digest.issue;

import io.dealwire.contract.Deal;
import io.dealwire.contract.DealJson;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A deal assigned to an issue; its primary key makes each deal part of exactly one issue. */
@Entity
@Table(name = "issue_deal")
public class IssueDeal extends PanacheEntityBase {

    @Id
    @Column(name = "deal_id")
    public UUID dealId;

    @Column(nullable = false)
    public String week;

    /** The deal as it was when the issue was frozen: the archive shows what was sent. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String content;

    public Deal deal() {
        return DealJson.readDeal(content);
    }
}
