package org.fengxiang.analytics.incident;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fengxiang.core.Spreader;

/**
 * The repost tree of one cascade (parent links of member posts, capped), from which spreaders are
 * ranked by reach: the number of posts in the sub-cascade under their repost (descendants).
 * Jackson-serialisable state (public fields).
 */
public class CascadeTree {
    /** Member posts in application order: post id to node. */
    public LinkedHashMap<String, Node> nodes = new LinkedHashMap<>();
    /** Posts not added because the cap was reached. */
    public long dropped;

    /** One member post of the tree. */
    public static class Node {
        public String parentId;
        public long eventTime;
        public String authorId;
        public boolean repost;

        public Node() {}

        Node(String parentId, long eventTime, String authorId, boolean repost) {
            this.parentId = parentId;
            this.eventTime = eventTime;
            this.authorId = authorId;
            this.repost = repost;
        }
    }

    public CascadeTree() {}

    /** Adds a post unless the tree holds {@code cap} nodes already (or the post is known). */
    void add(PostEvent e, int cap) {
        if (nodes.containsKey(e.id)) return;
        if (nodes.size() >= cap) {
            dropped++;
            return;
        }
        nodes.put(e.id, new Node(e.parentId, e.eventTime, e.authorId, e.repost));
    }

    /** Descendant counts of every node, by an iterative post-order over the known parent links. */
    Map<String, Long> reach() {
        Map<String, List<String>> kids = new HashMap<>();
        for (Map.Entry<String, Node> n : nodes.entrySet()) {
            String p = n.getValue().parentId;
            if (p != null && !p.equals(n.getKey()) && nodes.containsKey(p)) {
                kids.computeIfAbsent(p, k -> new ArrayList<>()).add(n.getKey());
            }
        }
        Map<String, Long> size = new HashMap<>();
        Map<String, Boolean> open = new HashMap<>();
        List<String> stack = new ArrayList<>();
        for (String start : nodes.keySet()) {
            if (size.containsKey(start)) continue;
            postOrder(start, kids, size, open, stack);
        }
        return size;
    }

    private static void postOrder(String start, Map<String, List<String>> kids, Map<String, Long> size,
            Map<String, Boolean> open, List<String> stack) {
        // explicit stack: a node is finished once all its children are; cycles (bad data) count as leaves
        stack.add(start);
        while (!stack.isEmpty()) {
            String n = stack.get(stack.size() - 1);
            if (size.containsKey(n)) {
                stack.remove(stack.size() - 1);
                continue;
            }
            if (open.putIfAbsent(n, Boolean.TRUE) == null) {
                for (String c : kids.getOrDefault(n, List.of())) {
                    if (!size.containsKey(c) && !open.containsKey(c)) stack.add(c);
                }
                continue;
            }
            long s = 0;
            for (String c : kids.getOrDefault(n, List.of())) s += 1 + size.getOrDefault(c, 0L);
            size.put(n, s);
            stack.remove(stack.size() - 1);
        }
    }

    /** The {@code k} reposts with the largest reach (reach > 0), ties by earlier event time, then id. */
    List<Spreader> topSpreaders(int k) {
        Map<String, Long> reach = reach();
        List<Map.Entry<String, Node>> reposts = new ArrayList<>();
        for (Map.Entry<String, Node> n : nodes.entrySet()) {
            if (n.getValue().repost && reach.getOrDefault(n.getKey(), 0L) > 0) reposts.add(n);
        }
        reposts.sort(Comparator.<Map.Entry<String, Node>>comparingLong(n -> -reach.get(n.getKey()))
                .thenComparingLong(n -> n.getValue().eventTime)
                .thenComparing(Map.Entry::getKey));
        List<Spreader> out = new ArrayList<>();
        for (int i = 0; i < Math.min(k, reposts.size()); i++) {
            Map.Entry<String, Node> n = reposts.get(i);
            out.add(new Spreader(n.getKey(), n.getValue().authorId, reach.get(n.getKey())));
        }
        return out;
    }
}
