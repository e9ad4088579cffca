package org.fengxiang.ingest.publish;

import java.util.concurrent.CompletableFuture;
import org.fengxiang.core.Post;

/**
 * Sends posts to the pipeline's input (the {@code posts} topic). A returned future completes once
 * the record is durably acknowledged; callers commit their own progress only after that.
 */
public interface PostPublisher extends AutoCloseable {

    /** Publishes a raw JSON record as is under the given key (null: no key). */
    CompletableFuture<PublishAck> publish(String key, String json);

    /** Publishes a post as its input-contract JSON, keyed by its id. */
    default CompletableFuture<PublishAck> publish(Post post) {
        return publish(post.id, PostJson.write(post));
    }

    /** Blocks until every record sent so far has been acknowledged or failed. */
    void flush();

    /** Flushes and releases resources. */
    @Override
    void close();
}
