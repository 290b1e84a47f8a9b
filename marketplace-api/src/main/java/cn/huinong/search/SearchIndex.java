package cn.huinong.search;

import cn.huinong.shared.Actor;

/** Operating the catalog index (OPERATOR): status, metrics, full rebuild. Commands are audited. */
public interface SearchIndex {

    IndexStatus status(Actor actor);

    IndexStatus.Metrics metrics();

    /** Starts a full rebuild in the background; 409 when one is already running. */
    IndexStatus.Rebuild requestRebuild(Actor actor);

    /** Creates the alias and its first index when missing (startup, tests). */
    void ensureIndex();
}
