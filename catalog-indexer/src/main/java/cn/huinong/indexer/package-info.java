/**
 * catalog-indexer: keeps the Elasticsearch catalog index in step with PostgreSQL (ADR 4).
 * <ul>
 *   <li>{@link cn.huinong.indexer.CatalogIndex}: the alias, versioned concrete indices, mapping and analyzers.</li>
 *   <li>{@link cn.huinong.indexer.OutboxIndexer}: drains {@code catalog_outbox} in batches with external versions.</li>
 *   <li>{@link cn.huinong.indexer.Rebuilder}: zero-downtime full rebuild into a new index, then an atomic alias switch.</li>
 *   <li>{@link cn.huinong.indexer.CatalogIndexerMain}: runs the indexer as its own process.</li>
 * </ul>
 */
package cn.huinong.indexer;
