package org.fengxiang.analytics.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.fengxiang.core.Spreader;
import org.junit.jupiter.api.Test;

class CascadeTreeTest {
    private static PostEvent ev(String id, String parent, long t) {
        PostEvent e = new PostEvent();
        e.id = id;
        e.parentId = parent;
        e.repost = parent != null;
        e.eventTime = t;
        e.authorId = "u" + id;
        return e;
    }

    //        r
    //      / | \
    //     a  b  c
    //    / \     \
    //   d   e     f
    //   |
    //   g
    private static CascadeTree tree() {
        CascadeTree t = new CascadeTree();
        t.add(ev("r", null, 0), 100);
        t.add(ev("a", "r", 1), 100);
        t.add(ev("b", "r", 2), 100);
        t.add(ev("c", "r", 3), 100);
        t.add(ev("d", "a", 4), 100);
        t.add(ev("e", "a", 5), 100);
        t.add(ev("f", "c", 6), 100);
        t.add(ev("g", "d", 7), 100);
        return t;
    }

    @Test
    void reachIsTheNumberOfDescendants() {
        Map<String, Long> reach = tree().reach();
        assertThat(reach).containsEntry("r", 7L).containsEntry("a", 3L).containsEntry("d", 1L)
                .containsEntry("c", 1L).containsEntry("b", 0L).containsEntry("g", 0L);
    }

    @Test
    void topSpreadersAreRepostsRankedByReachThenTime() {
        List<Spreader> top = tree().topSpreaders(3);
        assertThat(top).extracting(s -> s.postId).containsExactly("a", "c", "d");
        assertThat(top.get(0).reach).isEqualTo(3);
        assertThat(top.get(0).authorId).isEqualTo("ua");
    }

    @Test
    void aChildBeforeItsParentStillCounts() {
        CascadeTree t = new CascadeTree();
        t.add(ev("x", "p", 5), 100);
        t.add(ev("p", "r", 9), 100);
        t.add(ev("r", null, 0), 100);
        assertThat(t.reach()).containsEntry("r", 2L).containsEntry("p", 1L);
    }

    @Test
    void theCapBoundsTheTreeAndCountsWhatWasDropped() {
        CascadeTree t = new CascadeTree();
        for (int i = 0; i < 50; i++) t.add(ev("n" + i, i == 0 ? null : "n0", i), 10);
        assertThat(t.nodes).hasSize(10);
        assertThat(t.dropped).isEqualTo(40);
    }

    @Test
    void cyclesInBadDataDoNotHang() {
        CascadeTree t = new CascadeTree();
        t.add(ev("a", "b", 1), 100);
        t.add(ev("b", "a", 2), 100);
        assertThat(t.reach()).containsKeys("a", "b");
    }
}
