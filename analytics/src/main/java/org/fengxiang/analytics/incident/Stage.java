package org.fengxiang.analytics.incident;

/** Lifecycle stages of an incident (the string values appear in snapshots). */
public final class Stage {
    public static final String LATENT = "latent";
    public static final String FORMING = "forming";
    public static final String OUTBREAK = "outbreak";
    public static final String DECLINE = "decline";

    private Stage() {}

    /** True for the stages in which an incident is ticked every minute. */
    static boolean active(String stage) {
        return FORMING.equals(stage) || OUTBREAK.equals(stage);
    }
}
