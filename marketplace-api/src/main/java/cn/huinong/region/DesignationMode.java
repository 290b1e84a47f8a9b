package cn.huinong.region;

public enum DesignationMode {
    /** the file becomes the whole list */
    REPLACE,
    /** the file's counties are added to the list */
    MERGE
}
