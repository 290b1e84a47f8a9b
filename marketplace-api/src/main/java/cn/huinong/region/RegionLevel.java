package cn.huinong.region;

public enum RegionLevel {
    PROVINCE,
    PREFECTURE,
    COUNTY;

    public String label() {
        return switch (this) {
            case PROVINCE -> "省级";
            case PREFECTURE -> "地级";
            case COUNTY -> "县级";
        };
    }
}
