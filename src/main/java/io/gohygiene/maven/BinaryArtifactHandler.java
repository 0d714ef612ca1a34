package io.gohygiene.maven;

import org.apache.maven.artifact.handler.ArtifactHandler;

/**
 * How Maven names a Go binary in a repository: {@code <artifactId>-<version>.bin}, or {@code .exe} for Windows. Set on
 * the project's artifact by the build goal under packaging go, because the extension depends on the target.
 */
final class BinaryArtifactHandler implements ArtifactHandler {

    private final String extension;

    BinaryArtifactHandler(String extension) {
        this.extension = extension;
    }

    @Override
    public String getExtension() {
        return extension;
    }

    @Override
    public String getDirectory() {
        return null;
    }

    @Override
    public String getClassifier() {
        return null;
    }

    @Override
    public String getPackaging() {
        return BuildMojo.GO_PACKAGING;
    }

    @Override
    public boolean isIncludesDependencies() {
        return false;
    }

    @Override
    public String getLanguage() {
        return "none";
    }

    @Override
    public boolean isAddedToClasspath() {
        return false;
    }
}
