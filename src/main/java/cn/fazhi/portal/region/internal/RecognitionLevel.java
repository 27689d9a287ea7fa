package cn.fazhi.portal.region.internal;

/** Who conferred a demonstration title: 国家级, 省级, 市级. */
public enum RecognitionLevel {
    NATIONAL,
    PROVINCIAL,
    PREFECTURAL
}
