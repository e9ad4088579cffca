package org.fengxiang.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PostJsonTest {
    @Test
    void ingestionTimeIsProcessingMetadataAndNeverPartOfThePostsJson() {
        Post p = PostParser.parse("{\"id\":\"p1\",\"source\":\"s\",\"channel\":\"microblog\",\"text\":\"地铁站积水\","
                + "\"publishedAt\":\"2026-05-01T09:00:00+08:00\",\"author\":{\"id\":\"u1\"}}").post();
        p.ingestedAt = 1_800_000_000_000L;
        String json = Json.write(p);
        assertThat(json).doesNotContain("ingestedAt").contains("\"id\":\"p1\"");
        assertThat(Json.read(json, Post.class).ingestedAt).isZero();
    }
}
