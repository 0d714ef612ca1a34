package io.gohygiene.report;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import io.gohygiene.binary.BinaryFormatException;
import io.gohygiene.binary.BinaryReport;
import io.gohygiene.binary.InspectedImage;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;

/**
 * Binary reports as JSON: per file its format and, per image, GOOS/GOARCH, every field the format's parser read
 * (as the parser's own types name them) and the Go build info.
 */
public final class InspectionJson {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new Jdk8Module())
            .registerModule(new SimpleModule()
                    .addSerializer(ByteOrder.class, new ToStringSerializer<>())
                    .addSerializer(Path.class, new ToStringSerializer<>()))
            // The parsers' result types are immutable classes and records without getters: serialize their fields.
            .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private InspectionJson() {
    }

    public static String write(List<BinaryReport> reports) {
        ArrayNode files = JSON.createArrayNode();
        reports.forEach(r -> files.add(tree(r)));
        return toString(reports.size() == 1 ? files.get(0) : files);
    }

    /**
     * A generator over {@code out} with the same conventions (indented), for reports written one file at a time;
     * closing it flushes but leaves {@code out} open (it may be System.out).
     */
    static JsonGenerator generator(OutputStream out) throws IOException {
        JsonGenerator generator = JSON.createGenerator(out);
        generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        return generator;
    }

    /** A file that could not be inspected: its name and, under "error", where reading failed (if at a position) and why. */
    static ObjectNode error(BinaryFormatException error) {
        ObjectNode file = JSON.createObjectNode();
        file.put("file", error.file().toString());
        ObjectNode details = file.putObject("error");
        if (error.offset() >= 0) {
            details.put("offset", error.offset());
        }
        details.put("reason", error.reason());
        return file;
    }

    /** One report as a JSON tree: file, size, format, and per image GOOS/GOARCH, the format's fields and the build info. */
    public static ObjectNode tree(BinaryReport report) {
        ObjectNode file = JSON.createObjectNode();
        file.put("file", report.file().toString());
        file.put("size", report.size());
        file.put("format", report.format().name());
        ArrayNode images = file.putArray("images");
        for (InspectedImage image : report.images()) {
            ObjectNode node = images.addObject();
            node.put("goos", image.executable().goos());
            node.put("goarch", image.executable().goarch());
            node.set(image.executable().format().name().startsWith("MACHO") ? "macho" : image.executable().format().name().toLowerCase(),
                    JSON.valueToTree(image.executable()));
            node.set("buildInfo", JSON.valueToTree(image.buildInfo().orElse(null)));
        }
        return file;
    }

    /** Any value (a finding, a list) as a JSON tree, with the same conventions. */
    public static JsonNode tree(Object value) {
        return JSON.valueToTree(value);
    }

    public static String toString(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report could not be written as JSON", e);
        }
    }

    private static final class ToStringSerializer<T> extends JsonSerializer<T> {
        @Override
        public void serialize(T value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeString(value.toString());
        }
    }
}
