package org.fengxiang.stack;

/** The services of the embedded stack, each run in its own JVM. */
public enum Service {
    /** A Kafka broker in KRaft combined mode. */
    KAFKA("kafka", "org.fengxiang.stack.KafkaMain"),
    /** A single Elasticsearch 8.19 node. */
    ELASTICSEARCH("elasticsearch", "org.elasticsearch.node.FengxiangEsNode"),
    /** An SMTP (and IMAP) server that also writes each message as an .eml file. */
    MAIL("mail", "org.fengxiang.stack.MailMain");

    private final String id;
    private final String mainClass;

    Service(String id, String mainClass) {
        this.id = id;
        this.mainClass = mainClass;
    }

    /** The lower-case name used in file names, settings and endpoints.json. */
    public String id() {
        return id;
    }

    /** The main class of the child JVM (used to recognise the process before stopping it). */
    public String mainClass() {
        return mainClass;
    }

    /** The service with this id (case-insensitive). */
    public static Service of(String id) {
        for (Service s : values()) {
            if (s.id.equalsIgnoreCase(id.trim())) return s;
        }
        throw new IllegalArgumentException("unknown stack service '" + id + "' (expected kafka, elasticsearch or mail)");
    }
}
