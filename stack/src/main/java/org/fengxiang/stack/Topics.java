package org.fengxiang.stack;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates Kafka topics that do not exist yet (the broker does not auto-create topics). */
public final class Topics {
    private Topics() {}

    /** Ensures the topics exist (replication factor 1); existing topics are left as they are. Returns the created ones. */
    public static List<String> ensure(String bootstrap, Collection<String> names, int partitions) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return ensure(p, names, partitions, (short) 1);
    }

    /** Ensures the topics exist using the given admin client properties (bootstrap, security, ...). */
    public static List<String> ensure(Properties adminProps, Collection<String> names, int partitions, short replication) {
        if (partitions < 1) throw new IllegalArgumentException("partitions must be >= 1");
        try (Admin admin = Admin.create(adminProps)) {
            Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (String n : names) {
                if (!existing.contains(n)) missing.add(new NewTopic(n, partitions, replication));
            }
            List<String> created = new ArrayList<>();
            for (var e : admin.createTopics(missing).values().entrySet()) {
                try {
                    e.getValue().get(60, TimeUnit.SECONDS);
                    created.add(e.getKey());
                } catch (ExecutionException ex) {
                    if (!(ex.getCause() instanceof TopicExistsException)) throw ex;
                }
            }
            return created;
        } catch (ExecutionException e) {
            throw new StackException("cannot create topics " + names + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new StackException("Kafka at " + adminProps.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG) + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted", e);
        }
    }
}
