package io.mediamill.infrastructure.media;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An external program with its exact arguments, as built by the command builders and run by a
 * {@link ProcessRunner}; {@code owner} (may be null) names what the run works for, so it can be stopped for it;
 * {@code hidden} lists secrets in the arguments (a camera's password) that the log line shows as {@code ***};
 * {@code background} work (transcodes, pictures, slideshows) runs at a lower CPU priority than the server, so that
 * requests are answered first while it runs.
 */
public record ExternalCommand(List<String> argv, String owner, List<String> hidden, boolean background) {

    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_./:=+,@%-]+");

    public ExternalCommand {
        if (argv == null || argv.isEmpty()) {
            throw new IllegalArgumentException("a command needs a program");
        }
        argv = List.copyOf(argv);
        hidden = hidden == null ? List.of() : List.copyOf(hidden);
    }

    public ExternalCommand(List<String> argv, String owner, List<String> hidden) {
        this(argv, owner, hidden, false);
    }

    public ExternalCommand(List<String> argv, String owner) {
        this(argv, owner, List.of());
    }

    public ExternalCommand(List<String> argv) {
        this(argv, null);
    }

    /** The same command, run on behalf of {@code newOwner}. */
    public ExternalCommand ownedBy(String newOwner) {
        return new ExternalCommand(argv, newOwner, hidden, background);
    }

    /** The same command as background work: it yields the CPU to the server (see {@link #background}). */
    public ExternalCommand inBackground() {
        return new ExternalCommand(argv, owner, hidden, true);
    }

    public String program() {
        return argv.get(0);
    }

    public List<String> arguments() {
        return argv.subList(1, argv.size());
    }

    /** One line a shell would accept, for the log. */
    @Override
    public String toString() {
        String line = argv.stream().map(ExternalCommand::quote).collect(Collectors.joining(" "));
        for (String secret : hidden) {
            line = line.replace(secret, "***");
        }
        return line;
    }

    private static String quote(String arg) {
        return SHELL_SAFE.matcher(arg).matches() ? arg : "'" + arg.replace("'", "'\\''") + "'";
    }
}
