package cn.huinong.catalog.web;

import cn.huinong.catalog.CertificationKind;
import cn.huinong.catalog.NewCertification;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

@Serdeable
record CertificationRequest(
        @NotNull(message = "请选择证书类型") CertificationKind kind,
        @NotBlank(message = "证书编号不能为空") String number,

        @NotBlank(message = "发证机构不能为空") @Size(max = 100, message = "发证机构不超过100字")
        String issuer,

        @NotNull(message = "请填写发证日期") LocalDate issuedOn,
        @Nullable LocalDate expiresOn,

        @Nullable @Size(max = 500, message = "证明材料地址不超过500字符")
        String evidenceUrl) {

    NewCertification toCommand() {
        return new NewCertification(kind, number, issuer, issuedOn, expiresOn, evidenceUrl);
    }
}
