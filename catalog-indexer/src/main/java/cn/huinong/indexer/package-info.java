/**
 * catalog-indexer: keeps the Elasticsearch catalog index in step with PostgreSQL through a
 * transactional outbox. Empty until the catalog issue fills it; the module builds so that the
 * layout is fixed from day one.
 */
package cn.huinong.indexer;
