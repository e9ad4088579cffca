package org.fengxiang.app.job;

/** One keyword of one post at its event time (a Flink POJO), counted by {@link SameHourFunction}. */
public class KeywordHit {
    public String keyword;
    public long eventTime;

    public KeywordHit() {}

    public KeywordHit(String keyword, long eventTime) {
        this.keyword = keyword;
        this.eventTime = eventTime;
    }
}
