package io.nty.socket.jdk;

import java.lang.instrument.Instrumentation;

/**
 * The {@code -javaagent} form of {@link JdkSocketHook#install()}, for programs whose
 * {@code main} you do not own: {@code java -javaagent:nty-socket-VERSION.jar -cp ... Main}
 * (nty-socket's jar, and the examples' {@code nty-examples.jar}, name this class as
 * {@code Premain-Class} and {@code Agent-Class}). It installs the hook before {@code main}
 * runs and does nothing else; it transforms no classes. The program still needs nty-socket's
 * dependencies (jnr-ffi) on its class path, and a scheduler to run coroutines on.
 */
public final class NtyAgent {

    private NtyAgent() {
    }

    /**
     * Called by the JVM before {@code main} when started with {@code -javaagent}.
     *
     * @param args the agent's options; none are defined, anything given is refused
     * @param instrumentation unused
     */
    public static void premain(String args, Instrumentation instrumentation) {
        if (args != null && !args.isBlank()) {
            throw new IllegalArgumentException("nty's agent takes no options, got '" + args + "'");
        }
        JdkSocketHook.install();
    }

    /**
     * Called when the agent is loaded into a running JVM: installs the hook for sockets made from
     * then on.
     *
     * @param args as for {@link #premain}
     * @param instrumentation unused
     */
    public static void agentmain(String args, Instrumentation instrumentation) {
        premain(args, instrumentation);
    }
}
