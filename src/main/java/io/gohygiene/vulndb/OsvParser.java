package io.gohygiene.vulndb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads one OSV file into an {@link OsvEntry}. Fields it does not use are ignored (the schema grows); what matching
 * needs must be there and have the right shape ({@code id}, {@code affected[].package.name}, ranges with a type and
 * events), else the file is refused with its name, so that a damaged database is never half-read in silence.
 */
public final class OsvParser {

    private final ObjectMapper json = new ObjectMapper();

    /** @param name the file's name as the user knows it (a path, or zip!entry), for the message */
    public OsvEntry parse(byte[] content, String name) throws VulnDbException {
        JsonNode root;
        try {
            root = json.readTree(content);
        } catch (JsonProcessingException e) {
            throw malformed(name, "is not valid JSON (" + e.getOriginalMessage() + " at line " + e.getLocation().getLineNr() + ")", e);
        } catch (IOException e) {
            throw malformed(name, "cannot be read (" + e.getMessage() + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw malformed(name, "is not a JSON object", null);
        }
        String id = text(root, "id", name, true);
        List<OsvEntry.Affected> affected = new ArrayList<>();
        for (JsonNode a : array(root, "affected", name)) {
            JsonNode pkg = a.path("package");
            String module = text(pkg, "name", name + " (affected[" + affected.size() + "].package)", true);
            String ecosystem = text(pkg, "ecosystem", name, false);
            List<OsvEntry.Range> ranges = new ArrayList<>();
            for (JsonNode r : array(a, "ranges", name)) {
                List<OsvEntry.Event> events = new ArrayList<>();
                for (JsonNode e : array(r, "events", name)) {
                    events.add(event(e, name + " (" + id + ", " + module + ")"));
                }
                ranges.add(OsvEntry.Range.of(text(r, "type", name + " (" + id + ", ranges of " + module + ")", true), events));
            }
            List<OsvEntry.Import> imports = new ArrayList<>();
            for (JsonNode i : array(a.path("ecosystem_specific"), "imports", name)) {
                imports.add(new OsvEntry.Import(text(i, "path", name + " (" + id + ", imports of " + module + ")", true),
                        strings(i, "goos", name), strings(i, "goarch", name), strings(i, "symbols", name)));
            }
            affected.add(new OsvEntry.Affected(module, ecosystem, ranges, imports));
        }
        String withdrawn = text(root, "withdrawn", name, false);
        return new OsvEntry(id, strings(root, "aliases", name), text(root, "summary", name, false), text(root, "published", name, false),
                text(root, "modified", name, false), withdrawn.isEmpty() ? Optional.empty() : Optional.of(withdrawn), affected);
    }

    private static OsvEntry.Event event(JsonNode e, String where) throws VulnDbException {
        if (!e.isObject()) {
            throw malformed(where, "has an event that is not an object: " + e, null);
        }
        for (String field : List.of("introduced", "fixed")) {
            if (e.has(field)) {
                if (!e.get(field).isTextual() || e.get(field).asText().isEmpty()) {
                    throw malformed(where, "has an event whose " + field + " is not a version: " + e, null);
                }
                return new OsvEntry.Event(field.equals("fixed") ? OsvEntry.Event.Kind.FIXED : OsvEntry.Event.Kind.INTRODUCED, e.get(field).asText());
            }
        }
        // last_affected and limit: OSV has them, Go's database does not write them and x/vuln ignores them.
        return new OsvEntry.Event(OsvEntry.Event.Kind.OTHER, e.fieldNames().hasNext() ? e.fields().next().getValue().asText() : "");
    }

    private static String text(JsonNode node, String field, String where, boolean required) throws VulnDbException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw malformed(where, "has no \"" + field + "\"", null);
            }
            return "";
        }
        if (!value.isTextual()) {
            throw malformed(where, "has a \"" + field + "\" that is not a string: " + value, null);
        }
        return value.asText();
    }

    private static List<JsonNode> array(JsonNode node, String field, String where) throws VulnDbException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw malformed(where, "has a \"" + field + "\" that is not an array", null);
        }
        List<JsonNode> items = new ArrayList<>();
        value.forEach(items::add);
        return items;
    }

    private static List<String> strings(JsonNode node, String field, String where) throws VulnDbException {
        List<String> values = new ArrayList<>();
        for (JsonNode v : array(node, field, where)) {
            if (!v.isTextual()) {
                throw malformed(where, "has a \"" + field + "\" with a value that is not a string: " + v, null);
            }
            values.add(v.asText());
        }
        return values;
    }

    private static VulnDbException malformed(String name, String what, Throwable cause) {
        return new VulnDbException("the OSV file " + name + " " + what,
                "replace the file with a good copy (for golang.org/x/vulndb: delete the version from the module cache and fetch it again), "
                        + "or remove it from the database directory", cause);
    }
}
