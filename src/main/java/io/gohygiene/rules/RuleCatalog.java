package io.gohygiene.rules;

import java.util.List;

/** Every rule the verify goal runs, in report order. */
public final class RuleCatalog {

    private RuleCatalog() {
    }

    public static List<Rule> all() {
        return List.of(new TargetRule(), new LoadableRule(), new LinkageRule(), new LibrariesRule(), new GlibcRule(),
                new MacosRule(), new CodeSignatureRule(), new WindowsRule(), new CgoRule(), new BuildInfoRule(), new HardeningRule());
    }
}
