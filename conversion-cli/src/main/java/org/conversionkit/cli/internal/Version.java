package org.conversionkit.cli.internal;

import picocli.CommandLine.IVersionProvider;

/** The version printed by {@code --version}: the jar's implementation version. */
final class Version implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Version.class.getPackage().getImplementationVersion();
        return new String[] {"conversion-check " + (version == null ? "(development build)" : version)};
    }
}
