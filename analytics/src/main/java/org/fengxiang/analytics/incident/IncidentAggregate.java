package org.fengxiang.analytics.incident;

import java.util.ArrayList;
import java.util.Comparator;
import org.fengxiang.core.Sentiment;
import org.fengxiang.core.Spreader;

/** Running totals of one incident's applied posts (bounded: every collection is capped). */
public class IncidentAggregate {
    static final int MAX_LINKED_ROOTS = 20;
    /** Linked cascades counted exactly up to this many, then by adaptive sampling. */
    static final int MAX_EXACT_LINKED = 4096;
    public long postCount;
    public long interactions;
    public long negative;
    public long neutral;
    public long positive;
    public long mobilisationPosts;
    public long verifiedPosts;
    public long maxFollowers;
    public long firstSeen = Long.MAX_VALUE;
    public long lastSeen = Long.MIN_VALUE;
    public String originId;
    public long originTime;
    public String originAuthorId;
    public String title;
    /** True once the cascade root itself has been applied. */
    public boolean rootSeen;
    public CascadeTree tree = new CascadeTree();
    public TermCounter keywords = new TermCounter();
    public TermCounter regions = new TermCounter();
    public DistinctCounter authors = new DistinctCounter();
    /** Other cascades merged into the incident by text linking: distinct count and the first roots. */
    public DistinctCounter linkedCascades = new DistinctCounter();
    public ArrayList<String> linkedRoots = new ArrayList<>();
    /** Member posts of the most-followed authors; reach holds the follower count. */
    public ArrayList<Spreader> influencers = new ArrayList<>();
    /** Event times of the influencers, parallel to {@link #influencers} (tie-breaks). */
    public ArrayList<Long> influencerTimes = new ArrayList<>();

    public IncidentAggregate() {}

    /** Applies one post (called in event-time order). */
    void apply(PostEvent e, String rootId, IncidentSettings s) {
        postCount++;
        interactions += e.interactions;
        if (Sentiment.NEGATIVE.equals(e.sentiment)) negative++;
        else if (Sentiment.POSITIVE.equals(e.sentiment)) positive++;
        else if (Sentiment.NEUTRAL.equals(e.sentiment)) neutral++;
        if (e.mobilisation) mobilisationPosts++;
        if (e.verified) verifiedPosts++;
        maxFollowers = Math.max(maxFollowers, e.followers);
        firstSeen = Math.min(firstSeen, e.eventTime);
        lastSeen = Math.max(lastSeen, e.eventTime);
        origin(e, rootId);
        tree.add(e, s.maxTreeNodes);
        for (String k : e.keywords) keywords.add(k, s.maxTerms);
        regions.add(e.region, s.maxRegions);
        authors.add(e.authorId, s.maxExactAuthors);
        linked(e.cascadeRoot, rootId);
        influencer(e, s.topInfluencers);
    }

    private void linked(String cascadeRoot, String rootId) {
        if (cascadeRoot == null || cascadeRoot.equals(rootId)) return;
        linkedCascades.add(cascadeRoot, MAX_EXACT_LINKED);
        if (linkedRoots.size() < MAX_LINKED_ROOTS && !linkedRoots.contains(cascadeRoot)) linkedRoots.add(cascadeRoot);
    }

    /** The root wins once seen; before that the earliest post (event time, then id). */
    private void origin(PostEvent e, String rootId) {
        boolean isRoot = e.id.equals(rootId);
        if (rootSeen && !isRoot) return;
        boolean earlier = originId == null || e.eventTime < originTime
                || e.eventTime == originTime && e.id.compareTo(originId) < 0;
        if (isRoot || earlier) {
            originId = e.id;
            originTime = e.eventTime;
            originAuthorId = e.authorId;
            if (e.title != null) title = e.title;
            rootSeen = isRoot;
        }
    }

    private void influencer(PostEvent e, int k) {
        if (e.followers <= 0) return;
        Comparator<Integer> cmp = Comparator.<Integer>comparingLong(i -> -influencers.get(i).reach)
                .thenComparingLong(influencerTimes::get).thenComparing(i -> influencers.get(i).postId);
        influencers.add(new Spreader(e.id, e.authorId, e.followers));
        influencerTimes.add(e.eventTime);
        ArrayList<Integer> idx = new ArrayList<>();
        for (int i = 0; i < influencers.size(); i++) idx.add(i);
        idx.sort(cmp);
        ArrayList<Spreader> s = new ArrayList<>();
        ArrayList<Long> t = new ArrayList<>();
        for (int i = 0; i < Math.min(k, idx.size()); i++) {
            s.add(influencers.get(idx.get(i)));
            t.add(influencerTimes.get(idx.get(i)));
        }
        influencers = s;
        influencerTimes = t;
    }

    /**
     * Estimated heap bytes (compressed references, ~20-character ids): per cascade node, term, distinct hash and
     * influencer, for bounding caches of deserialised states, not an exact measure.
     */
    public long approximateBytes() {
        return 512 + tree.nodes.size() * 260L + (keywords.counts.size() + regions.counts.size()) * 112L
                + (authors.hashes.size() + linkedCascades.hashes.size()) * 48L + linkedRoots.size() * 72L
                + influencers.size() * 150L;
    }
}
