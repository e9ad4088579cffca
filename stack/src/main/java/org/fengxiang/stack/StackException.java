package org.fengxiang.stack;

/** A stack service could not be started, reached or stopped; the message says which and why. */
public class StackException extends RuntimeException {
    /** With a message meant for the user. */
    public StackException(String message) {
        super(message);
    }

    /** With a message meant for the user and the cause. */
    public StackException(String message, Throwable cause) {
        super(message, cause);
    }
}
