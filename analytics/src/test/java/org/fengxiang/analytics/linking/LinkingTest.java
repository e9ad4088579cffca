package org.fengxiang.analytics.linking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.fengxiang.core.Config;
import org.fengxiang.core.Post;
import org.junit.jupiter.api.Test;

class LinkingTest {
    private static final long MIN = 60_000;
    private final LinkSettings s = new LinkSettings().validate();

    @Test
    void signatureIsSortedDistinctTermsOfIndependentPostsOnly() {
        Post p = post("p1", List.of("暴雨", "地铁", "暴雨", "X", "积水"), List.of("郑州暴雨"));
        Story story = StorySignature.of(p, s);
        assertThat(story.terms).containsExactly("#郑州暴雨", "地铁", "暴雨", "积水");

        Post repost = post("p2", List.of("暴雨", "地铁", "积水", "救援"), List.of());
        repost.repostOf = "p1";
        assertThat(StorySignature.of(repost, s)).isNull();
        assertThat(StorySignature.of(post("p3", List.of("暴雨", "地铁"), List.of()), s)).as("too few terms").isNull();
    }

    @Test
    void bandKeysAreDeterministicAndEqualForEqualSignatures() {
        Story a = story("a", 0, "暴雨", "地铁", "积水", "救援", "郑州");
        Story b = story("b", 5, "郑州", "救援", "积水", "地铁", "暴雨");
        assertThat(StorySignature.bandKeys(a, s)).hasSize(s.bands).isEqualTo(StorySignature.bandKeys(b, s));
        assertThat(new HashSet<>(StorySignature.bandKeys(a, s))).hasSize(s.bands);
    }

    @Test
    void similarSignaturesMeetInABucketFarMoreOftenThanUnrelatedOnes() {
        int similarMeet = 0;
        int unrelatedMeet = 0;
        for (int i = 0; i < 500; i++) {
            Story base = story("x" + i, 0, "t" + i + "a", "t" + i + "b", "t" + i + "c", "t" + i + "d", "t" + i + "e");
            Story similar = story("y" + i, 1, "t" + i + "a", "t" + i + "b", "t" + i + "c", "t" + i + "d", "u" + i);
            Story unrelated = story("z" + i, 1, "t" + i + "a", "v" + i + "b", "v" + i + "c", "v" + i + "d", "v" + i + "e");
            if (meet(base, similar)) similarMeet++;
            if (meet(base, unrelated)) unrelatedMeet++;
        }
        // Jaccard 4/6: 1-(1-0.44)^6 ≈ 0.97; Jaccard 1/9: ≈ 0.07
        assertThat(similarMeet).isGreaterThan(440);
        assertThat(unrelatedMeet).isLessThan(75);
    }

    @Test
    void aFullMatchEndsTheScanButTheEarliestOfEqualMatchesAndABetterEarlierOneStillWin() {
        StoryBucket b = new StoryBucket();
        b.probe(story("partial", 0, "暴雨", "地铁", "积水", "救援", "乘客"), s);
        b.probe(story("full1", MIN, "暴雨", "地铁", "积水", "救援", "郑州", "停运"), s);
        b.probe(story("full2", 2 * MIN, "暴雨", "地铁", "积水", "救援", "郑州"), s);
        StoryMatch m = b.probe(story("probe", 3 * MIN, "暴雨", "地铁", "积水", "救援", "郑州"), s);
        assertThat(m.candidateId).as("all five terms shared with full1 and full2: the earlier wins").isEqualTo("full1");
        assertThat(m.shared).isEqualTo(5);
        assertThat(m.overlap).isEqualTo(1.0);
    }

    @Test
    void theMaskBoundNeverChangesTheBestMatch() {
        java.util.Random r = new java.util.Random(7);
        String[] vocabulary = new String[40];
        for (int i = 0; i < vocabulary.length; i++) vocabulary[i] = "词" + i;
        for (int round = 0; round < 200; round++) {
            List<Story> earlier = new ArrayList<>();
            for (int i = 0; i < 60; i++) earlier.add(randomStory("c" + i, i * MIN, vocabulary, r));
            Story probe = randomStory("probe", 61 * MIN, vocabulary, r);
            StoryMatch exact = null;
            for (Story c : earlier) {
                long[] cf = c.fingerprints();
                int shared = StoryMatch.sharedSorted(probe.fingerprints(), cf, 0, cf.length);
                int smaller = Math.min(probe.terms.size(), c.terms.size());
                double overlap = shared / (double) smaller;
                if (shared < s.minShared || overlap < s.minOverlap) continue;
                StoryMatch m = new StoryMatch(c, shared, overlap);
                if (m.betterThan(exact)) exact = m;
            }
            StoryBucket b = new StoryBucket();
            for (Story c : earlier) b.add(c);
            StoryMatch pruned = b.probe(probe, s);
            assertThat(pruned == null ? null : pruned.candidateId).isEqualTo(exact == null ? null : exact.candidateId);
            if (exact != null) assertThat(pruned.shared).isEqualTo(exact.shared);
        }
    }

    @Test
    void aStreamOfProbesMatchesTheBruteForceScanAlsoAcrossStateRestores() {
        java.util.Random r = new java.util.Random(11);
        String[] vocabulary = new String[30];
        for (int i = 0; i < vocabulary.length; i++) vocabulary[i] = "词" + i;
        LinkSettings small = new LinkSettings();
        small.bucketCap = 20;
        small.windowHours = 1;
        small.validate();
        StoryBucket live = new StoryBucket();
        StoryBucket restored = new StoryBucket();
        List<Story> reference = new ArrayList<>();
        long t = 0;
        int matched = 0;
        for (int i = 0; i < 400; i++) {
            t += r.nextInt(3) * 60_000L; // equal times too: ties go by id
            Story probe = randomStory("p" + (1000 - i), t, vocabulary, r);
            long horizon = t - small.windowMillis();
            reference.removeIf(c -> c.eventTime < horizon);
            StoryMatch expected = null;
            for (Story c : reference) {
                if (!c.before(probe)) break;
                StoryMatch m = StoryMatch.score(probe, c, small);
                if (m != null && m.betterThan(expected)) expected = m;
            }
            reference.add(probe);
            reference.sort((a, b) -> a.before(b) ? -1 : b.before(a) ? 1 : 0);
            while (reference.size() > small.bucketCap) reference.remove(0);
            StoryMatch a = live.probe(new Story(probe.id, probe.eventTime, probe.terms), small);
            StoryMatch b = restored.probe(new Story(probe.id, probe.eventTime, probe.terms), small);
            if (i % 7 == 0) restored = roundTrip(restored);
            if (i % 5 == 0) restored = restored.copy();
            assertSameMatch(a, expected);
            assertSameMatch(b, expected);
            if (expected != null) matched++;
            assertThat(live.ids()).isEqualTo(reference.stream().map(st -> st.id).toList());
        }
        assertThat(matched).as("links found").isGreaterThan(100);
    }

    private static StoryBucket roundTrip(StoryBucket b) {
        try {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            b.writeTo(new java.io.DataOutputStream(bytes));
            return StoryBucket.readFrom(new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray())));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void assertSameMatch(StoryMatch actual, StoryMatch expected) {
        if (expected == null) {
            assertThat(actual).isNull();
            return;
        }
        assertThat(actual).isNotNull();
        assertThat(actual.candidateId).isEqualTo(expected.candidateId);
        assertThat(actual.shared).isEqualTo(expected.shared);
    }

    private static Story randomStory(String id, long t, String[] vocabulary, java.util.Random r) {
        Set<String> terms = new java.util.TreeSet<>();
        int n = 4 + r.nextInt(9);
        while (terms.size() < n) terms.add(vocabulary[r.nextInt(r.nextBoolean() ? 12 : vocabulary.length)]);
        return new Story(id, t, new ArrayList<>(terms));
    }

    @Test
    void bucketKeepsAtMostItsCapOfStories() {
        LinkSettings small = new LinkSettings();
        small.bucketCap = 3;
        small.validate();
        StoryBucket b = new StoryBucket();
        for (int i = 0; i < 5; i++) b.probe(story("s" + i, i * MIN, "暴雨", "地铁", "积水", "救援"), small);
        assertThat(b.ids()).containsExactly("s2", "s3", "s4");
        assertThat(b.probe(story("late", 10 * MIN, "暴雨", "地铁", "积水", "救援"), small).candidateId)
                .as("the oldest kept story, not the dropped s0").isEqualTo("s2");
    }

    @Test
    void bucketLinksOnlyToEarlierStoriesWithinTheWindowAndAboveThresholds() {
        StoryBucket b = new StoryBucket();
        assertThat(b.probe(story("a", 0, "暴雨", "地铁", "积水", "救援", "郑州"), s)).isNull();
        assertThat(b.probe(story("c", 2 * MIN, "樱桃", "蛆虫", "盐水", "暴雨"), s)).as("one shared term").isNull();
        StoryMatch m = b.probe(story("b", 5 * MIN, "暴雨", "地铁", "积水", "乘客", "郑州"), s);
        assertThat(m.candidateId).isEqualTo("a");
        assertThat(m.shared).isEqualTo(4);
        assertThat(m.overlap).isEqualTo(0.8);
        StoryMatch best = b.probe(story("d", 6 * MIN, "暴雨", "地铁", "积水", "乘客", "郑州", "通报"), s);
        assertThat(best.candidateId).as("b shares 5 of 5").isEqualTo("b");
        long late = 7 * 60 * MIN;
        assertThat(b.probe(story("e", late, "暴雨", "地铁", "积水", "救援", "郑州"), s)).as("older than the window").isNull();
        assertThat(b.ids()).containsExactly("e");
    }

    @Test
    void bucketIsCapped() {
        LinkSettings small = new LinkSettings();
        small.bucketCap = 3;
        StoryBucket b = new StoryBucket();
        for (int i = 0; i < 10; i++) b.probe(story("s" + i, i * MIN, "w" + i, "x" + i, "y" + i, "z" + i), small.validate());
        assertThat(b.ids()).containsExactly("s7", "s8", "s9");
    }

    @Test
    void chainsResolveToTheEarliestStoryAndExpire() {
        TopicForest f = new TopicForest();
        long w = s.windowMillis();
        assertThat(f.link("b", 10, "a", w)).isEqualTo("a");
        assertThat(f.link("c", 20, "b", w)).isEqualTo("a");
        assertThat(f.link("d", 30, "x", w)).isEqualTo("x");
        assertThat(f.size()).isEqualTo(3);
        assertThat(f.link("e", w + 15, "c", w)).as("c is still in the window").isEqualTo("a");
        assertThat(f.size()).isEqualTo(3);
    }

    @Test
    void aStoryLinksOnceAndAnEvictedStoryIsARootAgain() {
        TopicForest f = new TopicForest();
        long w = s.windowMillis();
        assertThat(f.link("b", 10, "a", w)).isEqualTo("a");
        assertThat(f.link("b", 12, "z", w)).as("b already linked").isEqualTo("a");
        assertThat(f.size()).isEqualTo(1);
        assertThat(f.link("c", w + 11, "b", w)).as("b left the window with its link; c links to b as a root").isEqualTo("b");
        assertThat(f.size()).isEqualTo(1);
    }

    @Test
    void invalidSettingsNameTheKey() {
        LinkSettings bad = new LinkSettings();
        bad.minOverlap = 0;
        assertThatThrownBy(bad::validate).isInstanceOf(Config.ConfigException.class).hasMessageContaining("linking.minOverlap");
    }

    private boolean meet(Story a, Story b) {
        Set<String> ka = new HashSet<>(StorySignature.bandKeys(a, s));
        for (String k : StorySignature.bandKeys(b, s)) if (ka.contains(k)) return true;
        return false;
    }

    private static Story story(String id, long t, String... terms) {
        List<String> sorted = new ArrayList<>(List.of(terms));
        sorted.sort(null);
        return new Story(id, t, sorted);
    }

    private static Post post(String id, List<String> keywords, List<String> hashtags) {
        Post p = new Post();
        p.id = id;
        p.keywords = new ArrayList<>(keywords);
        p.hashtags = new ArrayList<>(hashtags);
        return p;
    }
}
