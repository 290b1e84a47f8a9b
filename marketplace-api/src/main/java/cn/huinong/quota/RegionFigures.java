package cn.huinong.quota;

/**
 * Totals of the units whose region code starts with {@code codePrefix}: units, filed units, reserved and counted
 * money, how many reached their reserve and how many are behind pace.
 */
public record RegionFigures(
        String codePrefix,
        long units,
        long filedUnits,
        long reservedFen,
        long eligibleSpentFen,
        long completedUnits,
        long laggingUnits) {}
