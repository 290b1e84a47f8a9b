package cn.huinong.identity.internal;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface OrganizationRepository extends CrudRepository<OrganizationRow, Long> {

    Optional<OrganizationRow> findByCreditCode(String creditCode);

    boolean existsByCreditCode(String creditCode);

    @Query("SELECT status FROM organization WHERE id = :id")
    Optional<String> findStatusById(long id);

    /** Decides only a PENDING organisation: 0 rows when someone else decided first. */
    @Query("""
            UPDATE organization SET status = :status, decision_reason = :reason, decided_by = :decidedBy, decided_at = now()
            WHERE id = :id AND status = 'PENDING'""")
    long decidePending(long id, String status, @Nullable String reason, String decidedBy);

    @Query(value = """
            SELECT * FROM organization
            WHERE (CAST(:status AS text) IS NULL OR status = :status)
              AND (CAST(:kind AS text) IS NULL OR kind = :kind)
              AND (CAST(:q AS text) IS NULL OR name ILIKE '%' || :q || '%' OR credit_code LIKE '%' || upper(:q) || '%')
            ORDER BY created_at DESC, id DESC""", countQuery = """
            SELECT count(*) FROM organization
            WHERE (CAST(:status AS text) IS NULL OR status = :status)
              AND (CAST(:kind AS text) IS NULL OR kind = :kind)
              AND (CAST(:q AS text) IS NULL OR name ILIKE '%' || :q || '%' OR credit_code LIKE '%' || upper(:q) || '%')""")
    Page<OrganizationRow> search(@Nullable String status, @Nullable String kind, @Nullable String q, Pageable pageable);
}
