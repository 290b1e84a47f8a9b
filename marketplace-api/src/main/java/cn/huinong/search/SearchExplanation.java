package cn.huinong.search;

/** What a catalog search sends to Elasticsearch: the index (alias) and the request body as JSON. */
public record SearchExplanation(String index, String body) {}
