package org.fengxiang.core;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** A snapshot of an incident (a topic or event grouping posts), as of {@link #asOf} in event time. */
@JsonPropertyOrder({"id", "title", "keywords", "originPostId", "firstSeen", "lastSeen", "postCount",
        "uniqueAuthors", "interactions", "topSpreaders", "stage", "heat", "growth"})
public class Incident implements Serializable {
    public String id;
    /** A short human title (origin post text, shortened). */
    public String title;
    public List<String> keywords = new ArrayList<>();
    /** Earliest post of the incident in event time. */
    public String originPostId;
    public String originAuthorId;
    /** ISO-8601 with offset. */
    public String firstSeen;
    public String lastSeen;
    public long firstSeenMillis;
    public long lastSeenMillis;
    public long postCount;
    public long uniqueAuthors;
    public long interactions;
    public long negative;
    public long neutral;
    public long positive;
    public List<String> regions = new ArrayList<>();
    public List<Spreader> topSpreaders = new ArrayList<>();
    /** latent | forming | outbreak | decline. */
    public String stage;
    public double heat;
    /** Posts in the latest window divided by the window before (1 when flat). */
    public double growth;
    /** Posts in the latest window. */
    public long windowCount;
    /** Event time of this snapshot. */
    public long asOf;
    /** Whether posts call to gather or act. */
    public boolean mobilisation;

    // --- added by incident detection (additive)
    /** Id of the root post that keys this incident (the earliest story when cascades were linked by text). */
    public String rootId;
    /** Poisson z-score of the latest window against the incident's own baseline. */
    public double burst;
    /** The incident's own baseline rate (posts per hour) the burst score is measured against. */
    public double baselinePerHour;
    /** Length of the sliding window behind {@link #windowCount}, in minutes. */
    public int windowMinutes;
    /** Largest window count seen so far. */
    public long peakWindowCount;
    /** Posts carrying a mobilisation cue. */
    public long mobilisationPosts;
    /** Largest follower count among member posts' authors. */
    public long maxFollowers;
    /** Member posts whose author is verified. */
    public long verifiedPosts;
    /** Member posts by the most-followed authors; here {@code reach} is the author's follower count. */
    public List<Spreader> influencers = new ArrayList<>();
    /** Cascades in the incident: 1, plus the cascades text linking merged into it (distinct count). */
    public long cascades = 1;
    /** Roots of the cascades merged into this incident by text linking (first 20, in event-time order). */
    public List<String> linkedStories = new ArrayList<>();
    /** True on the final snapshot, after which the incident's state is cleared. */
    public boolean finished;

    // --- added by alerting (same-hour baseline of the incident's top keyword; additive)
    /** The keyword the same-hour figures are about (the incident's top keyword), or null. */
    public String sameHourKeyword;
    /** Posts with that keyword in the 60 minutes before this snapshot (whole stream). */
    public long sameHourPosts;
    /** The same 60 minutes on previous days (index 0 = one day before), observed days only. */
    public List<Double> sameHourPrevious = new ArrayList<>();

    public Incident() {}

    @Override
    public String toString() {
        return "Incident{" + id + " posts=" + postCount + " stage=" + stage + "}";
    }
}
