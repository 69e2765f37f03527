package dev.warden.cli;

import dev.warden.watch.detect.Detector;
import dev.warden.watch.detect.DetectorContext;
import dev.warden.watch.detect.Detectors;
import dev.warden.watch.detect.LocalNetworks;
import dev.warden.watch.detect.RuleSource;
import dev.warden.watch.detect.RulesException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --rules}, {@code --local} and {@code --detectors}, mixed into every command that runs the detectors (watch,
 * eval), so an evaluation runs them exactly as watch would; a bad rule file or option is bad input (exit 3).
 */
final class DetectorOptions {
    @Option(names = "--rules", paramLabel = "DIR", description = "Rule files here replace the shipped ones of the same name.")
    Path rules;

    @Option(names = "--local", paramLabel = "CIDR", split = ",", description = "The watched network's own ranges "
            + "(default: network.yaml, the private ranges); alerts are about these hosts only.")
    List<String> local;

    @Option(names = "--detectors", paramLabel = "NAME", split = ",", description = "Run only these detectors.")
    List<String> detectors;

    /** The detectors the options select, configured from the rules they name. */
    List<Detector> create() {
        if (rules != null && !Files.isDirectory(rules)) {
            throw new BadInputException("no rules directory " + rules);
        }
        try {
            RuleSource source = rules == null ? RuleSource.classpath() : RuleSource.overriddenBy(rules);
            LocalNetworks networks = local == null ? LocalNetworks.load(source) : LocalNetworks.of(local);
            return Detectors.only(new DetectorContext(source, networks),
                    detectors == null ? null : new LinkedHashSet<>(detectors));
        } catch (RulesException e) {
            throw new BadInputException(e.getMessage());
        }
    }
}
