package cn.huinong.catalog;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

@Serdeable
public record CategoryNode(String code, String name, List<CategoryNode> children) {
}
