package io.gohygiene.binary.elf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What GNU readelf ({@code -h -l -S -d -V --dyn-syms -n -W}) says about a file, parsed from its text output:
 * the reference the ELF parser is compared with. One readelf run per option, so each parser below reads
 * one report.
 */
record Readelf(Map<String, String> header, List<Segment> segments, Optional<String> interpreter, List<Section> sections,
               List<Dyn> dynamic, List<Need> needs, List<String> undefinedVersioned, Optional<String> gnuBuildId,
               Optional<String> goBuildId) {

    record Segment(String type, String flags, long offset, long vaddr, long filesz, long memsz, long align) {
    }

    record Section(int index, String name, String type, long addr, long offset, long size, long link, long info) {
    }

    /** One dynamic entry: its tag, readelf's name for it, and the value as printed. */
    record Dyn(long tag, String name, String value) {
    }

    record Need(String file, List<String> versions) {
    }

    private static final Pattern DYN = Pattern.compile("^\\s*0x([0-9a-f]+)\\s+\\((\\S+)\\)\\s+(.*)$");
    private static final Pattern NEED_FILE = Pattern.compile("File: (\\S+)\\s+Cnt: (\\d+)");
    private static final Pattern NEED_AUX = Pattern.compile("Name: (\\S+)\\s+Flags: (.+?)\\s+Version: (\\d+)");
    private static final Pattern SYMBOL = Pattern.compile("^\\s*\\d+:\\s");

    static Readelf of(Path file) {
        Map<String, String> header = header(run(file, "-h"));
        List<Segment> segments = new ArrayList<>();
        Optional<String> interpreter = segments(run(file, "-l"), segments);
        List<String> notes = run(file, "-n");
        return new Readelf(header, segments, interpreter, sections(run(file, "-S")), dynamic(run(file, "-d")),
                needs(run(file, "-V")), undefinedVersioned(run(file, "--dyn-syms")), gnuBuildId(notes), goBuildId(notes));
    }

    /** e_flags as the number readelf prints before its decoding ("0x5000400, Version5 EABI, hard-float ABI"). */
    long flags() {
        return Long.decode(header.get("Flags").split(",")[0].strip());
    }

    String flagsText() {
        return header.get("Flags");
    }

    private static Map<String, String> header(List<String> lines) {
        Map<String, String> fields = new HashMap<>();
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.startsWith("  ")) {
                fields.putIfAbsent(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
        }
        return fields;
    }

    /** Program header lines: type, offset, vaddr, paddr, filesz, memsz, flags (one to three tokens: "R E"), align. */
    private static Optional<String> segments(List<String> lines, List<Segment> out) {
        Optional<String> interpreter = Optional.empty();
        boolean inTable = false;
        for (String line : lines) {
            if (line.startsWith("  Type ")) {
                inTable = true;
            } else if (inTable && line.isBlank()) {
                break;
            } else if (inTable && line.contains("[Requesting program interpreter: ")) {
                interpreter = Optional.of(line.substring(line.indexOf(": ") + 2, line.lastIndexOf(']')));
            } else if (inTable) {
                String[] t = line.strip().split("\\s+");
                String flags = String.join("", List.of(t).subList(6, t.length - 1));
                out.add(new Segment(t[0], flags, hex(t[1]), hex(t[2]), hex(t[4]), hex(t[5]), hex(t[t.length - 1])));
            }
        }
        return interpreter;
    }

    /** Section lines: [Nr] Name Type Address Off Size ES Flg Lk Inf Al; Flg may be empty, and [0]'s name is. */
    private static List<Section> sections(List<String> lines) {
        List<Section> sections = new ArrayList<>();
        for (String line : lines) {
            if (!line.startsWith("  [") || line.startsWith("  [Nr]")) {
                continue;
            }
            int index = Integer.parseInt(line.substring(3, line.indexOf(']')).strip());
            List<String> t = new ArrayList<>(List.of(line.substring(line.indexOf(']') + 1).strip().split("\\s+")));
            if (index == 0) {
                t.add(0, "");
            }
            int n = t.size();
            sections.add(new Section(index, t.get(0), t.get(1), hex(t.get(2)), hex(t.get(3)), hex(t.get(4)),
                    Long.parseLong(t.get(n - 3)), Long.parseLong(t.get(n - 2))));
        }
        return sections;
    }

    /** Dynamic entries before the first NULL. */
    private static List<Dyn> dynamic(List<String> lines) {
        List<Dyn> entries = new ArrayList<>();
        for (String line : lines) {
            Matcher m = DYN.matcher(line);
            if (m.matches()) {
                if (m.group(2).equals("NULL")) {
                    break;
                }
                entries.add(new Dyn(Long.parseUnsignedLong(m.group(1), 16), m.group(2), m.group(3).strip()));
            }
        }
        return entries;
    }

    /** "Version needs section": each File with its version Names, as "NAME flags=F other=N". */
    private static List<Need> needs(List<String> lines) {
        List<Need> needs = new ArrayList<>();
        boolean inNeeds = false;
        for (String line : lines) {
            if (line.startsWith("Version needs section")) {
                inNeeds = true;
            } else if (inNeeds && line.isBlank()) {
                inNeeds = false;
            } else if (inNeeds) {
                Matcher file = NEED_FILE.matcher(line);
                Matcher aux = NEED_AUX.matcher(line);
                if (file.find()) {
                    needs.add(new Need(file.group(1), new ArrayList<>()));
                } else if (aux.find()) {
                    needs.get(needs.size() - 1).versions().add(aux.group(1) + " flags=" + aux.group(2) + " other=" + aux.group(3));
                }
            }
        }
        return needs;
    }

    /** Undefined .dynsym symbols printed with a version, as "symbol@VERSION". */
    private static List<String> undefinedVersioned(List<String> lines) {
        List<String> symbols = new ArrayList<>();
        for (String line : lines) {
            if (!SYMBOL.matcher(line).find()) {
                continue;
            }
            String[] t = line.strip().split("\\s+");
            if (t.length >= 8 && t[6].equals("UND") && t[7].contains("@")) {
                String name = t[7];
                symbols.add(name.substring(0, name.indexOf('@')) + "@" + name.substring(name.lastIndexOf('@') + 1));
            }
        }
        return symbols;
    }

    private static Optional<String> gnuBuildId(List<String> lines) {
        return lines.stream().filter(l -> l.contains("Build ID: ")).findFirst()
                .map(l -> l.substring(l.indexOf("Build ID: ") + "Build ID: ".length()).strip());
    }

    /** readelf shows Go's note (owner "Go", type 4) as hex "description data". */
    private static Optional<String> goBuildId(List<String> lines) {
        return lines.stream().filter(l -> l.strip().startsWith("Go ") && l.contains("description data:")).findFirst()
                .map(l -> new String(HexFormat.of().parseHex(l.substring(l.indexOf("description data:") + 17).replaceAll("\\s", "")),
                        StandardCharsets.UTF_8));
    }

    private static long hex(String text) {
        return Long.parseUnsignedLong(text.startsWith("0x") ? text.substring(2) : text, 16);
    }

    private static List<String> run(Path file, String option) {
        try {
            Process p = new ProcessBuilder("readelf", option, "-W", file.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("readelf " + option + " " + file + " failed");
            }
            return out.lines().toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run readelf (binutils)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
