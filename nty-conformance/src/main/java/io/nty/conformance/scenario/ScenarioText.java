package io.nty.conformance.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * The text form of a {@link Scenario}: one statement per line, the same syntax failure messages
 * print and the driver protocol sends to an external implementation.
 *
 * <pre>
 * scenario 1          header, format version
 * pairs 1             socket pairs: pair k owns fds 3+2k and 4+2k
 * program 0           program 0's steps follow, one per line, until "end"
 * spawn 1
 * sleep 10
 * end
 * program 1
 * wait 3 1500
 * end
 * outside yield       the main thread tries to yield outside any coroutine: must be refused (§3.6)
 * create 0            the main thread creates a coroutine running program 0
 * execute-after-close 1   after run() returns, main closes the scheduler and tries
 *                     execute(program 1): must be rejected (§5.2)
 * run                 the main thread calls run(); ends the scenario
 * </pre>
 *
 * Steps: {@code yield}, {@code sleep MS}, {@code spawn P}, {@code exit}, {@code throw},
 * {@code tick MS}, {@code wait FD TIMEOUT_MS}, {@code send FD}, {@code recv FD},
 * {@code close FD}, and the thread steps {@code thread}, {@code foreign P}, {@code submit P},
 * {@code execute P}, {@code post P} (see {@link Step.WhichThread}, {@link Step.Foreign},
 * {@link Step.Submit}, {@link Step.Execute}, {@link Step.Post}), and the socket-hook
 * steps {@code hrecv FD TIMEOUT_MS}, {@code hsend FD N} ({@link Step.HookRecv}, {@link Step.HookSend}), the
 * writable-wait steps {@code wwait FD TIMEOUT_MS}, {@code fill FD}, {@code drain FD} (§4.1), and the
 * §6 steps {@code park}, {@code unpark K}, {@code join K}, {@code cancel K}, {@code spawnr P}. {@code outside} takes {@code yield}, {@code sleep MS} or
 * {@code wait FD TIMEOUT_MS}. Blank lines and lines starting with {@code #} are ignored;
 * indentation is allowed.
 */
public final class ScenarioText {

    /** The statement naming a program main tries to execute after closing the scheduler. */
    public static final String EXECUTE_AFTER_CLOSE = "execute-after-close";

    /** The format version written after {@code scenario}. */
    public static final int VERSION = 1;

    private ScenarioText() {
    }

    /**
     * {@return the text form of {@code s}, ending with the line {@code run}}
     *
     * @param s a scenario
     */
    public static String format(Scenario s) {
        StringBuilder sb = new StringBuilder();
        sb.append("scenario ").append(VERSION).append('\n');
        sb.append("pairs ").append(s.pairs()).append('\n');
        for (int p = 0; p < s.programs().size(); p++) {
            sb.append("program ").append(p).append('\n');
            for (Step step : s.programs().get(p).steps()) {
                sb.append("  ").append(step.text()).append('\n');
            }
            sb.append("end\n");
        }
        for (Step o : s.outside()) {
            sb.append("outside ").append(o.text()).append('\n');
        }
        for (int r : s.roots()) {
            sb.append("create ").append(r).append('\n');
        }
        for (int p : s.afterClose()) {
            sb.append(EXECUTE_AFTER_CLOSE).append(' ').append(p).append('\n');
        }
        return sb.append("run\n").toString();
    }

    /**
     * Parses one scenario.
     *
     * @param text the text form
     * @return the scenario
     * @throws IllegalArgumentException naming the line, if the text is malformed
     */
    public static Scenario parse(String text) {
        return parse(List.of(text.split("\n")));
    }

    /**
     * Parses one scenario from lines; lines after {@code run} are ignored.
     *
     * @param lines the lines of the text form
     * @return the scenario
     * @throws IllegalArgumentException naming the line, if the text is malformed
     */
    public static Scenario parse(List<String> lines) {
        int pairs = 0;
        List<List<Step>> programs = new ArrayList<>();
        List<Integer> roots = new ArrayList<>();
        List<Step> outside = new ArrayList<>();
        List<Integer> afterClose = new ArrayList<>();
        List<Step> open = null;
        boolean header = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] w = line.split("\\s+");
            try {
                if (!header) {
                    expect(w[0].equals("scenario") && w.length == 2 && Integer.parseInt(w[1]) == VERSION,
                            "expected 'scenario " + VERSION + "'");
                    header = true;
                } else if (open != null) {
                    if (w[0].equals("end")) {
                        open = null;
                    } else {
                        open.add(step(w));
                    }
                } else {
                    switch (w[0]) {
                        case "pairs" -> pairs = Integer.parseInt(arg(w, 1));
                        case "program" -> {
                            expect(Integer.parseInt(arg(w, 1)) == programs.size(),
                                    "programs must be numbered 0, 1, 2 … in order");
                            open = new ArrayList<>();
                            programs.add(open);
                        }
                        case "create" -> roots.add(Integer.parseInt(arg(w, 1)));
                        case "outside" -> outside.add(step(java.util.Arrays.copyOfRange(w, 1, w.length)));
                        case EXECUTE_AFTER_CLOSE -> afterClose.add(Integer.parseInt(arg(w, 1)));
                        case "run" -> {
                            return new Scenario(pairs, programs.stream().map(Program::new).toList(), roots, outside,
                                    afterClose);
                        }
                        default -> throw new IllegalArgumentException("unknown statement");
                    }
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("scenario line " + (i + 1) + " '" + line + "': "
                        + e.getMessage(), e);
            }
        }
        throw new IllegalArgumentException("scenario text ends without 'run'");
    }

    private static Step step(String[] w) {
        return switch (w[0]) {
            case "yield" -> new Step.Yield();
            case "sleep" -> new Step.Sleep(Long.parseLong(arg(w, 1)));
            case "spawn" -> new Step.Spawn(Integer.parseInt(arg(w, 1)));
            case "exit" -> new Step.Exit();
            case "throw" -> new Step.Throw();
            case "tick" -> new Step.Tick(Long.parseLong(arg(w, 1)));
            case "wait" -> new Step.WaitRead(Integer.parseInt(arg(w, 1)), Long.parseLong(arg(w, 2)));
            case "send" -> new Step.Send(Integer.parseInt(arg(w, 1)));
            case "recv" -> new Step.Recv(Integer.parseInt(arg(w, 1)));
            case "close" -> new Step.Close(Integer.parseInt(arg(w, 1)));
            case "thread" -> new Step.WhichThread();
            case "hrecv" -> new Step.HookRecv(Integer.parseInt(arg(w, 1)), Long.parseLong(arg(w, 2)));
            case "hsend" -> new Step.HookSend(Integer.parseInt(arg(w, 1)), Integer.parseInt(arg(w, 2)));
            case "foreign" -> new Step.Foreign(Integer.parseInt(arg(w, 1)));
            case "submit" -> new Step.Submit(Integer.parseInt(arg(w, 1)));
            case "wwait" -> new Step.WaitWrite(Integer.parseInt(arg(w, 1)), Long.parseLong(arg(w, 2)));
            case "fill" -> new Step.Fill(Integer.parseInt(arg(w, 1)));
            case "drain" -> new Step.Drain(Integer.parseInt(arg(w, 1)));
            case "park" -> new Step.Park();
            case "unpark" -> new Step.Unpark(Integer.parseInt(arg(w, 1)));
            case "join" -> new Step.Join(Integer.parseInt(arg(w, 1)));
            case "cancel" -> new Step.Cancel(Integer.parseInt(arg(w, 1)));
            case "spawnr" -> new Step.SpawnResult(Integer.parseInt(arg(w, 1)));
            case "execute" -> new Step.Execute(Integer.parseInt(arg(w, 1)));
            case "post" -> new Step.Post(Integer.parseInt(arg(w, 1)));
            default -> throw new IllegalArgumentException("unknown step '" + w[0] + "'");
        };
    }

    private static String arg(String[] w, int i) {
        if (i >= w.length) {
            throw new IllegalArgumentException("'" + w[0] + "' needs " + i + " argument(s)");
        }
        return w[i];
    }

    private static void expect(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
