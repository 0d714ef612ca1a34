package io.gohygiene.modvendor;

import com.fasterxml.jackson.jr.ob.JSON;
import io.gohygiene.process.CommandLine;
import io.gohygiene.process.ProcessException;
import io.gohygiene.process.ProcessResult;
import io.gohygiene.process.ProcessRunner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The go commands one vendor run needs, each in the module directory with the run's environment and timeout. */
final class GoModCommands {

    private final Path go;
    private final ProcessRunner runner;
    private final VendorRequest request;
    private final ModuleCache cache;
    private final Map<String, String> environment;

    GoModCommands(Path go, ProcessRunner runner, VendorRequest request, ModuleCache cache) {
        this.go = go;
        this.runner = runner;
        this.request = request;
        this.cache = cache;
        this.environment = environment(request);
    }

    /** The go processes see the build's environment; offline Maven means no downloads at all. */
    private static Map<String, String> environment(VendorRequest request) {
        Map<String, String> env = new TreeMap<>(request.environment());
        if (request.offline()) {
            env.put("GOPROXY", "off");
        }
        return env;
    }

    /** {@code go <args>}; only a timeout or a go that cannot start is an exception, a failing go is a result. */
    ProcessResult run(List<String> args) throws VendorException {
        List<String> argv = new ArrayList<>();
        argv.add(go.toString());
        argv.addAll(args);
        try {
            return runner.run(new CommandLine(argv, environment, request.moduleDirectory(), request.timeout()));
        } catch (ProcessException e) {
            throw new VendorException(e.getMessage() + "; vendor/ was left as it was",
                    "raise <timeout> (go-hygiene.timeout) if the module proxy is only slow");
        }
    }

    /** The old version of a module that an existing vendor/ came from, fetched so its files can be compared. */
    boolean download(ModulesTxt.VendoredModule module) {
        if (module.replacedByDirectory() || module.version() == null) {
            return false;
        }
        String path = module.replacementPath() != null ? module.replacementPath() : module.path();
        String version = module.replacementPath() != null ? module.replacementVersion() : module.version();
        try {
            run(List.of("mod", "download", path + "@" + version));
        } catch (VendorException e) {
            return false;
        }
        return Files.isDirectory(cache.moduleDirectory(path, version));
    }

    /** Where {@code modulesTxt} disagrees with go.mod ({@code go mod edit -json}), one line each; empty when they agree. */
    List<String> drift(Path modulesTxt) throws VendorException, IOException {
        ProcessResult edit = run(List.of("mod", "edit", "-json"));
        if (!edit.succeeded()) {
            throw new VendorException("go.mod in " + request.moduleDirectory() + " cannot be read: " + edit.diagnostics(),
                    "fix the line go names; 'go mod edit -json' shows the same error");
        }
        VendorConsistency.GoMod goMod = VendorConsistency.GoMod.fromJson(JSON.std.mapFrom(edit.stdout()));
        ModulesTxt modules = Files.isRegularFile(modulesTxt) ? ModulesTxt.read(modulesTxt) : new ModulesTxt(List.of());
        return VendorConsistency.check(goMod, modules);
    }
}
