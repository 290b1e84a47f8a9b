package cn.huinong.shared;

import cn.huinong.shared.problem.InvalidInputException;
import cn.huinong.shared.problem.Violation;
import java.util.ArrayList;
import java.util.List;

/** A validated page request: page from 0, size 1..200 (default 20). */
public record PageQuery(int page, int size) {

    public static final int MAX_SIZE = 200;

    public static PageQuery of(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? 20 : size;
        List<Violation> v = new ArrayList<>();
        if (p < 0) {
            v.add(new Violation("page", "页码不能小于0"));
        }
        if (s < 1 || s > MAX_SIZE) {
            v.add(new Violation("size", "每页条数应在1到" + MAX_SIZE + "之间"));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException("分页参数有误", v);
        }
        return new PageQuery(p, s);
    }

    public long offset() {
        return (long) page * size;
    }
}
