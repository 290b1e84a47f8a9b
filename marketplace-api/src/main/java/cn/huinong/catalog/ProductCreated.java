package cn.huinong.catalog;

import io.micronaut.serde.annotation.Serdeable;

/** The answer to a create or a transition: the product's id and its status now. */
@Serdeable
public record ProductCreated(long id, ProductStatus status) {}
