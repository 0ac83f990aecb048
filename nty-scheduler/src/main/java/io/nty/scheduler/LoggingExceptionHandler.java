package io.nty.scheduler;

import io.nty.api.Coroutine;
import io.nty.api.CoroutineExceptionHandler;

/** The default {@link CoroutineExceptionHandler}: logs each failure through {@link System.Logger}. */
final class LoggingExceptionHandler implements CoroutineExceptionHandler {

    private static final System.Logger LOG = System.getLogger("io.nty.scheduler");

    @Override
    public void uncaught(Coroutine coroutine, Throwable failure) {
        LOG.log(System.Logger.Level.ERROR, "coroutine " + coroutine.id() + " of " + coroutine.scheduler()
                + " failed; the other coroutines run on", failure);
    }

    static void logHandlerFailure(Coroutine coroutine, Throwable failure, Throwable handlerFailure) {
        handlerFailure.addSuppressed(failure);
        LOG.log(System.Logger.Level.ERROR, "the exception handler threw while handling the failure of coroutine "
                + coroutine.id() + "; both are dropped", handlerFailure);
    }
}
