package io.mediamill.drills;

import io.mediamill.infrastructure.media.CommonsExecProcessRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the drills ({@code ./mediamill drills [short|long]}): the bad-input bank, the fault drills and the load
 * drills, in that order, against the node the launcher started; prints one table of what each did, expected and
 * saw, writes it whole to {@code target/drills/report.md}, and exits 1 when any drill failed.
 */
public final class DrillSuite {

    /** Held, so that the level set on it is not lost with a collected logger. */
    private static final Logger COMMANDS = Logger.getLogger(CommonsExecProcessRunner.class.getName());

    private DrillSuite() {
    }

    public static void main(String[] args) throws IOException {
        COMMANDS.setLevel(Level.WARNING);
        DrillEnvironment environment = DrillEnvironment.fromSystemProperties();
        List<DrillResult> results = new ArrayList<>();
        run(environment.wantsAnyOf("bad", List.of()), results, "bad input", () -> new BadInputBank(environment).run());
        run(environment.wantsAnyOf("fault", FaultDrills.KEYS), results, "fault", () -> new FaultDrills(environment).run());
        run(environment.wantsAnyOf("load", LoadDrills.KEYS), results, "load", () -> new LoadDrills(environment).run());

        System.out.println();
        System.out.println(DrillTable.render(results, true));
        Path report = Path.of("target", "drills", "report.md");
        Files.createDirectories(report.getParent());
        Files.writeString(report, DrillTable.render(results, false));
        System.out.println("the whole table: " + report.toAbsolutePath());
        System.exit(results.stream().allMatch(DrillResult::passed) ? 0 : 1);
    }

    private static void run(boolean wanted, List<DrillResult> results, String group, Supplier<List<DrillResult>> drills) {
        if (!wanted) {
            return;
        }
        System.out.println("drills: " + group + " …");
        try {
            results.addAll(drills.get());
        } catch (RuntimeException | AssertionError e) {
            results.add(DrillResult.broken(group, group + " drills", "set up the " + group + " drills", "they run", e).printed());
        }
    }
}
