package org.fengxiang.alerting.mail;

import java.util.ArrayList;
import java.util.List;
import org.fengxiang.core.Incident;
import org.fengxiang.core.Post;

/** What is known around an alert when its e-mail is rendered: the incident snapshot and posts (all optional). */
public final class AlertContext {
    /** The incident snapshot, or null when not (yet) available. */
    public final Incident incident;
    /** The origin post, or null. */
    public final Post origin;
    /** Evidence posts found (may be fewer than the alert lists). */
    public final List<Post> evidence;

    public AlertContext(Incident incident, Post origin, List<Post> evidence) {
        this.incident = incident;
        this.origin = origin;
        this.evidence = evidence == null ? List.of() : new ArrayList<>(evidence);
    }

    /** Nothing known beyond the alert itself. */
    public static AlertContext empty() {
        return new AlertContext(null, null, List.of());
    }
}
