package io.nty.conformance.scenario;

import java.util.Arrays;
import java.util.List;

/**
 * One event line, parsed: {@code <t> <who> <event> [args]}.
 *
 * @param millis the virtual time in whole milliseconds
 * @param who a coroutine id or {@code main}
 * @param event what happened
 * @param args the rest of the line, word by word
 */
public record TraceEvent(long millis, String who, Event event, List<String> args) {

    /** The {@code who} of the main thread's events. */
    public static final String MAIN = "main";

    /**
     * Copies the arguments, so an event is immutable.
     *
     * @param millis the virtual time in whole milliseconds
     * @param who a coroutine id or {@code main}
     * @param event what happened
     * @param args the rest of the line, word by word
     * @throws NullPointerException if {@code args} or one of them is null
     */
    public TraceEvent {
        args = List.copyOf(args);
    }

    /**
     * {@return the event the line states, parsed word by word: time, who, event, arguments}
     *
     * @param line an event line
     * @throws IllegalArgumentException naming what is wrong: too few words, a time that is not a
     *         number, or an event that is not in the vocabulary
     */
    public static TraceEvent parse(String line) {
        String[] w = line.strip().split("\\s+");
        if (w.length < 3) {
            throw new IllegalArgumentException("'" + line + "' is not an event line (<t> <who> <event> [args])");
        }
        long t;
        try {
            t = Long.parseLong(w[0]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + line + "': the time '" + w[0] + "' is not a whole number of ms");
        }
        Event ev = Event.ofToken(w[2]).orElseThrow(() -> new IllegalArgumentException("'" + line
                + "': unknown event '" + w[2] + "'; the events are " + Arrays.stream(Event.values()).map(Event::token).toList()));
        return new TraceEvent(t, w[1], ev, Arrays.asList(w).subList(3, w.length));
    }

    /**
     * {@return the event line}
     *
     * @param millis the virtual time
     * @param who a coroutine id or {@code main}
     * @param event what happened
     * @param args its arguments, each written with {@code toString}
     */
    public static String line(long millis, Object who, Event event, Object... args) {
        StringBuilder sb = new StringBuilder().append(millis).append(' ').append(who).append(' ').append(event.token());
        for (Object a : args) {
            sb.append(' ').append(a);
        }
        return sb.toString();
    }

    /**
     * {@return the argument at index {@code i} (0 is the first word after the event)}
     *
     * @param i an argument index
     */
    public String arg(int i) {
        return args.get(i);
    }

    /** {@return whether the main thread, not a coroutine, did this} */
    public boolean byMain() {
        return who.equals(MAIN);
    }

    /** {@return the event and its arguments, without time and who: {@code "send 4 ok"}} */
    public String what() {
        return args.isEmpty() ? event.token() : event.token() + " " + String.join(" ", args);
    }

    /** {@return the event line, as {@link #parse} reads it} */
    public String text() {
        return millis + " " + who + " " + what();
    }
}
