package cn.fazhi.portal.catalog;

/** Whether more is better (UP), less is better (DOWN), or the figure is only monitored (NONE). */
public enum Direction {
    UP,
    DOWN,
    NONE
}
