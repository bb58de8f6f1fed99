package io.blisnative.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads the version Maven filtered into the jar manifest, so it never drifts from the pom. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = BlisNative.class.getPackage().getImplementationVersion();
        return new String[] {"blis-native " + (v == null ? "dev" : v)};
    }
}
