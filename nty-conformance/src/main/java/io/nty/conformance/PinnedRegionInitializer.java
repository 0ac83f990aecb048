package io.nty.conformance;

/**
 * The class {@link PinnedRegion} defines afresh for each call: its static initializer runs the
 * action handed over in {@link PinnedRegion#ACTION}. Never initialized under its own name.
 */
final class PinnedRegionInitializer {

    static {
        Runnable action = PinnedRegion.ACTION.get();
        if (action != null) {
            action.run();
        }
    }

    private PinnedRegionInitializer() {
    }
}
