package dev.warden.assess;

import dev.warden.model.Finding;
import java.util.List;

/**
 * What a scan found: findings (evidence redacted), facts learned about devices, and notes on what went wrong
 * (timeouts, garbage, lockout signals, budgets spent), each note one line naming device, port and check.
 */
public record AssessResult(List<Finding> findings, List<Fact> facts, List<String> notes) {
    public AssessResult {
        findings = List.copyOf(findings);
        facts = List.copyOf(facts);
        notes = List.copyOf(notes);
    }
}
