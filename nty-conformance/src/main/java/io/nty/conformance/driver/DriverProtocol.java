package io.nty.conformance.driver;

/**
 * Constants of the driver protocol (see {@code docs/conformance-protocol.md}): how the suite talks
 * to an implementation in another process, in plain text lines over its stdin and stdout.
 *
 * <pre>
 * driver → suite   nty-driver 1                       once, at start
 * driver → suite   capabilities VIRTUAL_CLOCK FD_WAITS THREADS SOCKET_HOOKS
 * driver → suite   name my-runtime 0.3
 * driver → suite   ready
 * suite → driver   scenario 1 … run                   a scenario in text form
 * driver → suite   0 main created 0                   the trace, one event per line
 * driver → suite   ! 3.1 coroutine 2 ran while 1 …    optional: a violation the driver saw itself
 * driver → suite   crash killed by signal 11          optional: the scenario's process died (a forking driver)
 * driver → suite   end                                the trace is complete
 * suite → driver   native-probe entry                 between scenarios, with NATIVE_CONTEXTS (§2.4)
 * driver → suite   native entry rdi=ok …              the probe's result line
 * driver → suite   end                                the probe is complete
 *   … more scenarios; the suite closes the driver's stdin when done, and the driver exits.
 * </pre>
 * Lines starting with {@code #} are ignored in both directions.
 */
public final class DriverProtocol {

    /** The first line a driver prints. */
    public static final String HELLO = "nty-driver 1";
    /** Starts the capabilities line: capability names separated by spaces. */
    public static final String CAPABILITIES = "capabilities";
    /** Starts the name line. */
    public static final String NAME = "name";
    /** Ends the handshake. */
    public static final String READY = "ready";
    /** Ends one trace. */
    public static final String END = "end";
    /** Asks for one §2.4 probe: {@code native-probe <name>} (see {@link io.nty.conformance.NativeProbe}). */
    public static final String NATIVE_PROBE = "native-probe";
    /**
     * Starts a crash line, {@code crash <what happened>}, before {@code end}: the driver ran the
     * scenario in a child process that died (a signal, an abort, a timeout it enforced itself);
     * the trace so far stands and the scenario fails the rule it was generated for.
     */
    public static final String CRASH = "crash";
    /** Starts a violation line: {@code ! <rule number> <message>}. */
    public static final String VIOLATION = "!";

    private DriverProtocol() {
    }
}
