package io.mediamill.drills;

/**
 * One row of the drills' table: what a drill did, what it expected and what it saw.
 *
 * @param group the drill's family: {@code bad input}, {@code fault} or {@code load}
 */
public record DrillResult(String group, String drill, String did, String expected, String saw, boolean passed) {

    public static DrillResult of(String group, String drill, String did, String expected, String saw, boolean passed) {
        return new DrillResult(group, drill, did, expected, saw, passed);
    }

    /** A drill that could not finish: what broke is what it saw. */
    public static DrillResult broken(String group, String drill, String did, String expected, Throwable cause) {
        String message = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return new DrillResult(group, drill, did, expected, "drill broke: " + message, false);
    }

    /** Runs one drill's body and prints its line: what it saw, or, when it could not finish, what broke. */
    public static DrillResult run(String group, String drill, String did, String expected, Body body) {
        DrillResult result;
        try {
            Saw saw = body.run();
            result = of(group, drill, did, expected, saw.text(), saw.passed());
        } catch (Exception | AssertionError e) {
            result = broken(group, drill, did, expected, e);
        }
        return result.printed();
    }

    /** Prints this result's line as it comes in, so a long run shows where it is. */
    public DrillResult printed() {
        System.out.println("  " + (passed ? "ok   " : "FAIL ") + drill + ": " + saw);
        return this;
    }

    /** One drill's body: it does what the drill says and tells what it saw. */
    @FunctionalInterface
    public interface Body {
        Saw run() throws Exception;
    }

    /** What a drill saw, and whether it is what it expected. */
    public record Saw(boolean passed, String text) {
    }
}
