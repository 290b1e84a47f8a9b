package cn.huinong.region;

/** Designation lists that operators import as data. */
public enum DesignationKind {
    /** 脱贫县 (the 832 poverty-alleviated counties). */
    POVERTY_ALLEVIATED("脱贫县"),
    /** 国家乡村振兴重点帮扶县 (160 national key assistance counties). */
    KEY_ASSISTANCE("国家乡村振兴重点帮扶县");

    private final String label;

    DesignationKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
