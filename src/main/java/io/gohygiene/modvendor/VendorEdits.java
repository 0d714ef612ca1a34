package io.gohygiene.modvendor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Files in an existing vendor/ that a fresh {@code go mod vendor} would lose: changed against the module they
 * came from (in the module cache, or its replacement directory), or added where no module put them.
 *
 * @param modified     vendor-relative paths whose content differs from the module's file
 * @param added        vendor-relative paths no vendored module has
 * @param uncheckable  vendor-relative paths whose module is not in the module cache (and could not be downloaded),
 *                     so nobody can tell whether they were edited
 */
public record VendorEdits(List<String> modified, List<String> added, List<String> uncheckable) {

    public VendorEdits {
        modified = List.copyOf(modified);
        added = List.copyOf(added);
        uncheckable = List.copyOf(uncheckable);
    }

    public boolean isEmpty() {
        return modified.isEmpty() && added.isEmpty() && uncheckable.isEmpty();
    }

    /** Every path a fresh vendoring would lose, sorted. */
    public List<String> all() {
        List<String> all = new ArrayList<>(modified);
        all.addAll(added);
        all.addAll(uncheckable);
        all.sort(null);
        return all;
    }

    /**
     * Compares {@code vendorDirectory} with the sources its modules.txt names.
     *
     * @param sourceAvailable says whether a module's source tree exists (after trying to download it); the caller
     *                        decides how hard to try
     */
    public static VendorEdits find(Path vendorDirectory, Path mainModuleDirectory, ModuleCache cache,
                                   Predicate<ModulesTxt.VendoredModule> sourceAvailable) throws IOException {
        List<String> modified = new ArrayList<>();
        List<String> added = new ArrayList<>();
        List<String> uncheckable = new ArrayList<>();
        Path modulesFile = vendorDirectory.resolve("modules.txt");
        ModulesTxt modules = Files.isRegularFile(modulesFile) ? ModulesTxt.read(modulesFile) : new ModulesTxt(List.of());
        for (String file : VendorFiles.files(vendorDirectory)) {
            if (file.equals("modules.txt")) {
                continue;
            }
            Optional<ModulesTxt.VendoredModule> owner = modules.owner(file);
            if (owner.isEmpty()) {
                added.add(file);
                continue;
            }
            ModulesTxt.VendoredModule module = owner.get();
            Path source = cache.sourceOf(module, mainModuleDirectory);
            if (!Files.isDirectory(source) && !sourceAvailable.test(module)) {
                uncheckable.add(file);
                continue;
            }
            String inModule = file.equals(module.path()) ? "" : file.substring(module.path().length() + 1);
            Path original = source.resolve(inModule);
            if (!Files.isRegularFile(original)) {
                added.add(file);
            } else if (Files.mismatch(original, vendorDirectory.resolve(file)) != -1L) {
                modified.add(file);
            }
        }
        return new VendorEdits(modified, added, uncheckable);
    }
}
