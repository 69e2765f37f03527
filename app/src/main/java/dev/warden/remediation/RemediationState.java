package dev.warden.remediation;

import java.util.Locale;

/**
 * Where the remediation of one vulnerability on one device stands. The working path is open → acknowledged →
 * in_progress → fixed → verified (any forward step may skip some); risk_accepted and false_positive close an item
 * with a reason; open again reopens anything (with a reason). {@link #VERIFIED} is never set by hand: only a
 * re-assessment that reads the fixed firmware sets it.
 */
public enum RemediationState {
    OPEN, ACKNOWLEDGED, IN_PROGRESS, FIXED, VERIFIED, RISK_ACCEPTED, FALSE_POSITIVE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RemediationState fromWire(String s) {
        for (RemediationState v : values()) {
            if (v.wireName().equals(s)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown state '" + s
                + "' (expected open, acknowledged, in_progress, fixed, risk_accepted or false_positive)");
    }

    /** Whether the item still needs work (and can become overdue). */
    public boolean active() {
        return this == OPEN || this == ACKNOWLEDGED || this == IN_PROGRESS;
    }

    /** Whether a reason must come with a move to this state. */
    public boolean needsReason() {
        return this == RISK_ACCEPTED || this == FALSE_POSITIVE || this == OPEN;
    }

    /** Why a person may not move an item from this state to {@code to}, or null when the move is allowed. */
    public String refuseManual(RemediationState to) {
        if (to == VERIFIED) {
            return "verified is set only by a re-assessment that reads the fixed firmware";
        }
        if (to == this) {
            return "it is already " + wireName();
        }
        if (to == OPEN || to == RISK_ACCEPTED || to == FALSE_POSITIVE) {
            return null;
        }
        if (!active() && this != FIXED) {
            return "it is " + wireName() + "; reopen it first (state open with a reason)";
        }
        return to.ordinal() > ordinal() ? null : "cannot go back from " + wireName() + " to " + to.wireName()
                + " (reopen it with state open)";
    }
}
