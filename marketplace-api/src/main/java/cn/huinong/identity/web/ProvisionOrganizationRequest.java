package cn.huinong.identity.web;

import cn.huinong.identity.DepartmentKind;
import cn.huinong.identity.NewOrganization;
import cn.huinong.identity.OrganizationKind;
import cn.huinong.identity.SupplierType;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Operator-created organisation, e.g. a provincial commerce department (REGULATOR) with its scope. */
@Serdeable
record ProvisionOrganizationRequest(
        @NotNull(message = "请选择机构类型") OrganizationKind kind,

        @NotBlank(message = "请填写机构名称") @Size(min = 2, max = 100, message = "机构名称应为2-100个字")
        String name,

        @NotBlank(message = "请填写统一社会信用代码") String creditCode,

        @NotBlank(message = "请选择所在地区") @Pattern(regexp = "\\d{6}", message = "行政区划代码应为6位数字")
        String regionCode,

        @NotBlank(message = "请填写联系人") @Size(max = 50, message = "联系人姓名过长")
        String contactName,

        @NotBlank(message = "请填写联系电话")
        @Pattern(regexp = Phones.PATTERN, message = "联系电话格式不正确（手机号11位，或座机如 0851-12345678）")
        String contactPhone,

        @Nullable SupplierType supplierType,
        @Nullable Long parentOrganizationId,
        @Nullable DepartmentKind departmentKind,

        @Nullable @Pattern(regexp = "\\d{6}", message = "监管区域代码应为6位数字")
        String scopeRegionCode,

        @NotNull(message = "请填写管理员账号") @Valid AdminAccount admin) {

    NewOrganization toCommand() {
        return new NewOrganization(
                kind,
                name,
                creditCode,
                regionCode,
                contactName,
                contactPhone,
                supplierType,
                parentOrganizationId,
                departmentKind,
                scopeRegionCode,
                admin.username(),
                admin.password());
    }
}
