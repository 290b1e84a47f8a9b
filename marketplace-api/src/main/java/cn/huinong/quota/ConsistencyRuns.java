package cn.huinong.quota;

import cn.huinong.shared.Actor;
import cn.huinong.shared.PageQuery;
import cn.huinong.shared.PageResponse;

/**
 * Operators' consistency checks in the background, so that a large platform's check neither holds a request nor
 * hits a proxy's timeout: start one (409 while one of the year runs), follow it, read what it found. Audited.
 */
public interface ConsistencyRuns {

    ConsistencyRun start(int year, Actor actor);

    /** Newest first, without their mismatches. */
    PageResponse<ConsistencyRun> list(PageQuery page);

    /** One run with the mismatches it kept (404 when unknown). */
    ConsistencyRun view(long id);
}
