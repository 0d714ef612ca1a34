package io.gohygiene.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The published SARIF 2.1.0 schema (src/test/resources/sarif/, see its README), loaded once, offline, with the
 * json-schema-validator the CycloneDX library brings (1.5.x: one version of it on the class path).
 */
final class SarifSchema {

    private static final JsonSchema SCHEMA = load();

    private SarifSchema() {
    }

    /** Every way {@code log} breaks the schema; empty when it is valid SARIF 2.1.0. */
    static List<ValidationMessage> validate(JsonNode log) {
        return List.copyOf(SCHEMA.validate(log));
    }

    private static JsonSchema load() {
        try (InputStream in = SarifSchema.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            if (in == null) {
                throw new IllegalStateException("sarif/sarif-schema-2.1.0.json is not on the test class path");
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
