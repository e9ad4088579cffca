package org.fengxiang.alerting.mail;

import java.io.IOException;
import java.io.Serializable;
import org.fengxiang.core.Alert;

/** Finds the incident snapshot and posts of an alert for its e-mail. */
public interface AlertContextLookup extends Serializable {
    /** The context; missing parts are null/empty. */
    AlertContext lookup(Alert alert) throws IOException;

    /** Releases connections. */
    default void close() throws IOException {}

    /** Looks nothing up: e-mails show what the alert itself carries. */
    static AlertContextLookup none() {
        return a -> AlertContext.empty();
    }
}
