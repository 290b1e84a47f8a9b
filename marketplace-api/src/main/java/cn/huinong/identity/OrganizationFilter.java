package cn.huinong.identity;

import io.micronaut.core.annotation.Nullable;

/** Filters for the operators' organisation list; null means any. {@code q}: name or credit code contains. */
public record OrganizationFilter(
        @Nullable OrganizationStatus status,
        @Nullable OrganizationKind kind,
        @Nullable String q) {}
