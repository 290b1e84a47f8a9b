package cn.huinong.files;

import cn.huinong.shared.Actor;

/**
 * Implemented by a module that attaches files to its subjects (payments: {@code payment}): whether the actor may see
 * that subject. The files module asks it before handing out an attached file.
 */
public interface AttachmentAccess {

    /** The subject type this module answers for, e.g. {@code payment}. */
    String subjectType();

    boolean canSee(long subjectId, Actor actor);
}
