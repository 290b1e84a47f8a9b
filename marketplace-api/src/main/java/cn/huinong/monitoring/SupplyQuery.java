package cn.huinong.monitoring;

/**
 * The supply side of a region ({@code regionPrefix} "" for the country) in a year, to export; an authorised query
 * (the caller's scope was checked when it was made).
 */
public record SupplyQuery(int year, String regionCode, String regionName, String regionPrefix) {}
