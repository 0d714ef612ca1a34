package io.gohygiene.modvendor;

import io.gohygiene.files.Sha256;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Copies into a freshly vendored tree the files its cgo packages need that {@code go mod vendor} left out
 * (golang/go#26366), from the module cache or the replacement directory ({@link CgoNeedFinder} finds them).
 */
final class VendorRestorer {

    /** What a restore put back, and what it could not resolve. */
    static final class Restoration {
        final List<VendorManifest.RestoredFile> restored = new ArrayList<>();
        final List<CgoNeedFinder.Unresolved> unresolved = new ArrayList<>();
        final List<String> cgoPackages = new ArrayList<>();
        final Set<String> modulesWithRestores = new LinkedHashSet<>();

        List<String> restoredPaths() {
            return restored.stream().map(VendorManifest.RestoredFile::path).toList();
        }
    }

    private final VendorRequest request;
    private final ModuleCache cache;

    VendorRestorer(VendorRequest request, ModuleCache cache) {
        this.request = request;
        this.cache = cache;
    }

    Restoration restore(ModulesTxt modules, Path staging) throws IOException {
        Restoration r = new Restoration();
        for (ModulesTxt.VendoredModule module : modules.modules()) {
            if (module.packages().isEmpty()) {
                continue;
            }
            Path source = cache.sourceOf(module, request.moduleDirectory());
            if (!Files.isDirectory(source)) {
                continue;
            }
            List<String> packageDirs = module.packages().stream()
                    .map(p -> p.equals(module.path()) ? "" : p.startsWith(module.path() + "/") ? p.substring(module.path().length() + 1) : null)
                    .filter(p -> p != null).toList();
            CgoNeedFinder.Result needs = CgoNeedFinder.find(source, packageDirs);
            needs.cgoPackages().forEach(p -> r.cgoPackages.add(p.isEmpty() ? module.path() : module.path() + "/" + p));
            needs.unresolved().forEach(u -> r.unresolved.add(new CgoNeedFinder.Unresolved(module.path() + "/" + u.includedFrom(), u.include())));
            Path target = staging.resolve(module.path());
            for (CgoNeedFinder.Need need : needs.needs()) {
                restoreFile(r, module, source, target, need.path(), need.reason());
            }
            if (request.restoresWholeTree(module.path(), !needs.cgoPackages().isEmpty())) {
                for (String file : wholeTree(source)) {
                    restoreFile(r, module, source, target, file, "whole module restored (<wholeModules>)");
                }
            }
        }
        return r;
    }

    private static void restoreFile(Restoration r, ModulesTxt.VendoredModule module, Path source, Path target, String file, String reason)
            throws IOException {
        Path to = target.resolve(file).normalize();
        if (!to.startsWith(target) || Files.exists(to)) {
            return;
        }
        Path from = source.resolve(file);
        VendorFiles.copyContent(from, to);
        r.restored.add(new VendorManifest.RestoredFile("vendor/" + module.path() + "/" + file, module.display(), reason,
                Sha256.hex(to)));
        r.modulesWithRestores.add(module.path());
    }

    /**
     * A module's files for a whole-tree restore: all but Go files (which would make packages modules.txt does not
     * list), tests, testdata and nested modules, as modvendor does.
     */
    private static List<String> wholeTree(Path source) throws IOException {
        List<String> out = new ArrayList<>();
        for (String f : VendorFiles.files(source)) {
            String name = f.substring(f.lastIndexOf('/') + 1);
            if (name.endsWith(".go") || f.startsWith("testdata/") || f.contains("/testdata/") || f.startsWith(".git/")) {
                continue;
            }
            String dir = f.contains("/") ? f.substring(0, f.lastIndexOf('/')) : "";
            if (!dir.isEmpty() && insideNestedModule(source, dir)) {
                continue;
            }
            out.add(f);
        }
        return out;
    }

    private static boolean insideNestedModule(Path source, String dir) {
        for (Path d = source.resolve(dir); d != null && !d.equals(source); d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("go.mod"))) {
                return true;
            }
        }
        return false;
    }
}
