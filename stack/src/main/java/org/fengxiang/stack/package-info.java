/**
 * The embedded stack: a real Kafka 4.2 broker (KRaft), a real Elasticsearch 8.19.21 node and a GreenMail SMTP/IMAP
 * server, each in its own JVM bound to 127.0.0.1.
 *
 * <ul>
 *   <li>{@link org.fengxiang.stack.EmbeddedStack}: start/stop a stack owned by this JVM (children exit when it dies).</li>
 *   <li>{@link org.fengxiang.stack.StackControl}: {@code up}/{@code down}/{@code status} of a detached stack
 *       (pid files and {@code endpoints.json} in the data directory) for the CLI.</li>
 *   <li>{@link org.fengxiang.stack.SharedStack}: one stack per test JVM for integration tests of any module that
 *       depends on {@code fengxiang-stack} (scope test is enough):
 *       {@code Endpoints e = SharedStack.get(Service.KAFKA, Service.MAIL);}.</li>
 *   <li>{@link org.fengxiang.stack.Topics#ensure}: create topics (the broker does not auto-create them).</li>
 * </ul>
 *
 * <p>The Elasticsearch node runs from {@code es-node/target/classes} + {@code es-node/target/node-lib/*} (copied by
 * the {@code es-node} build at {@code process-classes}), from {@code HOME/lib/es-node/*.jar} in a distribution, or
 * from {@code -Dfengxiang.esNode.classpath}; no Elasticsearch jar is ever on this module's classpath.
 */
package org.fengxiang.stack;
