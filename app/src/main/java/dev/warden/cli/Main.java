package dev.warden.cli;

import dev.warden.lab.LabException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code warden} command. Errors are one line on stderr and a documented exit code ({@link ExitCode}).
 * No logger here: logging starts only once a command has chosen its home directory.
 */
@Command(name = "warden", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Keeps IP cameras, DVRs and routers from being hijacked, and catches the ones that were.",
        subcommands = {DemoCommand.class, DiscoverCommand.class, AssessCommand.class, LabCommand.class, InventoryCommand.class, WatchCommand.class, EvalCommand.class, IncidentsCommand.class, AdvisoriesCommand.class, AffectedCommand.class, OwnersCommand.class, SitesCommand.class, RemediationCommand.class, NotifyCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:failed while running", "2:bad command line", "3:bad configuration or input"})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (see warden --help)");
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one command line; the exit code is returned, not raised, so tests can call it. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof LabException || ex instanceof BadInputException) {
                err.println("warden: " + ex.getMessage());
                return ExitCode.BAD_CONFIG;
            }
            err.println("warden: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            return ExitCode.FAILURE;
        });
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("warden: " + ex.getMessage());
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return ExitCode.USAGE;
        });
        return cl.execute(args);
    }

    /** Version from the jar manifest, "dev" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"warden " + (v == null ? "dev" : v) + " (Java " + Runtime.version() + ")"};
        }
    }
}
