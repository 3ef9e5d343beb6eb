package io.dealwire.digest.edition;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One saved version of an edition (an edit, an approval or the freeze), with who and when. */
@Entity
@Table(name = "edition_revision")
@IdClass(EditionRevision.Key.class)
public class EditionRevision extends PanacheEntityBase {

    public record Key(String week, int version) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }

    @Id
    public String week;

    @Id
    public int version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Edition.Status status;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String editor;

    @Column(name = "saved_at", nullable = false)
    public Instant savedAt;

    @Column(name = "saved_by", nullable = false)
    public String savedBy;

    static EditionRevision of(Edition edition) {
        EditionRevision revision = new EditionRevision();
        revision.week = edition.week;
        revision.version = edition.version;
        revision.status = edition.status;
        revision.editor = edition.editor;
        revision.savedAt = edition.updatedAt;
        revision.savedBy = edition.updatedBy;
        return revision;
    }
}
