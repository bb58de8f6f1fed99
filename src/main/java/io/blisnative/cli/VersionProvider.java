package io.blisnative.cli;

import org.eclipse.microprofile.config.ConfigProvider;
import picocli.CommandLine.IVersionProvider;

/**
 * Prints the version Quarkus recorded from the pom at build time, so it never drifts from the pom
 * and reads the same in every packaging (fast-jar, aot-jar, native executable), where the jar
 * manifest is not always what defines the package; the manifest is the fallback.
 */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = ConfigProvider.getConfig().getOptionalValue("quarkus.application.version", String.class)
                .orElse(BlisNative.class.getPackage().getImplementationVersion());
        return new String[] {"blis-native " + (v == null ? "dev" : v)};
    }
}
