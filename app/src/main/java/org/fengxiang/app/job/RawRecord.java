package org.fengxiang.app.job;

import java.io.Serializable;

/** One input record before parsing: the text, where it came from, and a decoding problem if any. */
public class RawRecord implements Serializable {
    /** The record text (a JSONL line or a Kafka message value). */
    public String value;
    /** 1-based line number for file input, 0 for Kafka. */
    public long line;
    /** Set when the bytes could not be decoded (the record is dead-lettered with it). */
    public String error;

    public RawRecord() {}

    public RawRecord(String value, long line, String error) {
        this.value = value;
        this.line = line;
        this.error = error;
    }
}
