package org.fengxiang.ingest.publish;

/** Acknowledgement of one published record: its key and where the broker stored it (-1 when unknown). */
public record PublishAck(String key, int partition, long offset) {}
