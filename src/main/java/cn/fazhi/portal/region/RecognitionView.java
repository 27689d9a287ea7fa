package cn.fazhi.portal.region;

public record RecognitionView(RecognitionLevel level, String title, Integer year) {}
