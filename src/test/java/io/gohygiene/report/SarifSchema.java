package io.gohygiene.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The published SARIF 2.1.0 schema (src/test/resources/sarif/, see its README), loaded once, offline. */
final class SarifSchema {

    private static final Schema SCHEMA = load();

    private SarifSchema() {
    }

    /** Every way {@code log} breaks the schema; empty when it is valid SARIF 2.1.0. */
    static List<Error> validate(JsonNode log) {
        return SCHEMA.validate(log);
    }

    private static Schema load() {
        try (InputStream in = SarifSchema.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            if (in == null) {
                throw new IllegalStateException("sarif/sarif-schema-2.1.0.json is not on the test class path");
            }
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
