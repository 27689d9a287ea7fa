package cn.fazhi.portal.region;

import cn.fazhi.portal.region.internal.RecognitionLevel;

public record RecognitionView(RecognitionLevel level, String title, Integer year) {}
