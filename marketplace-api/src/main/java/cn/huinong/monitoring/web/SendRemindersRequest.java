package cn.huinong.monitoring.web;

import cn.huinong.quota.DueFilter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * 催办: the list's parameters (year, region, filter, withinDays as in GET /monitoring/reminders) and either the
 * selected units or none for every unit the list shows; an optional note appended to each message.
 */
@Serdeable
record SendRemindersRequest(
        int year,
        @Nullable String region,
        @Nullable DueFilter filter,
        @Nullable Integer withinDays,
        @Nullable @Size(max = 1000) List<Long> organizationIds,
        @Nullable @Size(max = 200) String note) {}
