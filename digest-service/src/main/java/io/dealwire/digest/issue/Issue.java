package io.dealwire.digest.issue;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A frozen issue: its deals are fixed (issue_deal) and its ledger rows written. */
@Entity
@Table(name = "issue")
public class Issue extends PanacheEntityBase {

    public enum Status { SENDING, SENT }

    /** ISO week, e.g. 2025-W37. */
    @Id
    public String week;

    @Column(nullable = false)
    public String subject;

    @Column(name = "deal_count", nullable = false)
    public int dealCount;

    /** JSON object currency -> total, e.g. {"USD": 1225000000}. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "disclosed_value", nullable = false)
    public String disclosedValue;

    /** Ledger rows written at freezing: confirmed subscribers with at least one matching deal. */
    @Column(nullable = false)
    public int recipients;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "frozen_at", nullable = false)
    public Instant frozenAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    /** The editor's fields it was frozen with, as JSON; null for the automatic edition. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String editor;

    @Column(name = "summary_published_at")
    public Instant summaryPublishedAt;
}
