package io.gohygiene.toolchain.checks;

import io.gohygiene.finding.Finding;
import io.gohygiene.finding.Verdict;
import io.gohygiene.toolchain.ToolchainCheck;
import io.gohygiene.toolchain.ToolchainContext;

import java.nio.file.Path;
import java.util.List;

/**
 * The module directory, where every later goal runs go: it exists and go finds a go.mod there (in it or, as go
 * looks, in a parent), or a go.work. Said here, naming the directory and the setting, instead of a later goal
 * failing with "cannot run go" or with go's "go.mod file not found" (issue 15.9).
 */
public final class ModuleDirectoryCheck implements ToolchainCheck {

    public static final String ID = "moduleDirectory";

    private static final String SETTING = "<moduleDirectory> (go-hygiene.moduleDirectory)";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> check(ToolchainContext ctx) {
        Path dir = ctx.moduleDirectory().toAbsolutePath().normalize();
        if (!ctx.probe().isDirectory(dir)) {
            boolean exists = ctx.probe().isRegularFile(dir);
            return List.of(Finding.problem(ID, "module directory", dir.toString(), "a directory holding go.mod", Verdict.FAIL,
                    SETTING + " " + dir + (exists ? " is a file, not a directory" : " does not exist") + ": every go command of the build runs there",
                    "set " + SETTING + " to the directory that holds go.mod (it defaults to the project's base directory)"));
        }
        for (Path d = dir; d != null; d = d.getParent()) {
            for (String name : List.of("go.mod", "go.work")) {
                if (ctx.probe().isRegularFile(d.resolve(name))) {
                    return List.of(Finding.pass(ID, "module directory", d.resolve(name).toString(),
                            d.equals(dir) ? name + " in " + SETTING : name + " in a parent of " + dir + ", as go finds it"));
                }
            }
        }
        return List.of(Finding.problem(ID, "module directory", dir + ": no go.mod", "go.mod in it or a parent", Verdict.FAIL,
                "no go.mod in " + dir + " or any parent: go build, go mod vendor and go list fail there ('go.mod file not found')",
                "set " + SETTING + " to the directory that holds go.mod, or create one there with go mod init <module path>"));
    }
}
