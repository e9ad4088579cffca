package org.fengxiang.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.fengxiang.core.Post;
import org.fengxiang.core.PostParser;
import org.junit.jupiter.api.Test;

class PostGeneratorTest {
    private static final long T0 = 1_772_000_000_000L;

    @Test
    void postsFollowTheInputContractAndRepostsFormCascadesOfEarlierPosts() {
        PostGenerator gen = new PostGenerator(7, "t");
        Set<String> ids = new HashSet<>();
        int reposts = 0;
        int chinese = 0;
        for (int i = 0; i < 2000; i++) {
            PostParser.Result r = PostParser.parse(gen.next(T0 + i * 100L).json());
            assertThat(r.ok()).as(r.reason()).isTrue();
            Post p = r.post();
            assertThat(ids.add(p.id)).isTrue();
            assertThat(p.eventTime).isEqualTo(T0 + i * 100L);
            if (p.repostOf != null && !p.repostOf.isEmpty()) {
                reposts++;
                assertThat(ids).contains(p.repostOf, p.parentId);
            } else if (p.text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
                chinese++;
            }
        }
        assertThat(reposts).isBetween(900, 1300);
        assertThat(chinese).isEqualTo(2000 - reposts);
    }

    @Test
    void burstRepostsTheRootByDistinctAuthors() {
        PostGenerator gen = new PostGenerator(1, "b");
        PostGenerator.Generated root = gen.burstRoot(T0);
        assertThat(root.burst()).isTrue();
        assertThat(PostParser.parse(root.json()).post().text).contains("化工厂");
        Set<String> authors = new HashSet<>();
        for (int i = 1; i <= 300; i++) {
            Post p = PostParser.parse(gen.burstRepost(T0 + i).json()).post();
            assertThat(p.repostOf).isEqualTo(root.id());
            authors.add(p.author.id);
        }
        assertThat(authors).hasSize(300);
        String second = PostParser.parse(gen.burstRoot(T0 + 60_000).json()).post().text;
        assertThat(second).as("each burst is another event").doesNotContain("化工厂").contains("学生");
    }

    @Test
    void sameSeedSamePosts() {
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        PostGenerator g1 = new PostGenerator(99, "s");
        PostGenerator g2 = new PostGenerator(99, "s");
        for (int i = 0; i < 100; i++) {
            a.add(g1.next(T0 + i).json());
            b.add(g2.next(T0 + i).json());
        }
        assertThat(a).isEqualTo(b);
        assertThat(new PostGenerator(98, "s").next(T0).json()).isNotEqualTo(a.get(0));
    }
}
