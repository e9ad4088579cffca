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
    /** When the record reached the pipeline's input (Kafka record timestamp, epoch ms; 0 for files). */
    public long ingestedAt;

    public RawRecord() {}

    public RawRecord(String value, long line, String error) {
        this.value = value;
        this.line = line;
        this.error = error;
    }

    /** The same record stamped with its ingestion time. */
    RawRecord ingestedAt(long millis) {
        this.ingestedAt = millis;
        return this;
    }
}
