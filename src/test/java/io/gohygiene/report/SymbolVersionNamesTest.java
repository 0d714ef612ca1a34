package io.gohygiene.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Version needs as readelf lists them (file order) are shown by family and as versions, with the highest named. */
class SymbolVersionNamesTest {

    private static final List<String> AS_READ = List.of("GLIBC_2.34", "GLIBC_PRIVATE", "GLIBCXX_3.4.9", "GLIBC_2.3.2", "GLIBC_2.17",
            "GLIBCXX_3.4.29", "GLIBC_2.2.5", "CXXABI_1.3");

    @Test
    void sortedByFamilyThenAsVersionsWithUnversionedNamesLast() {
        assertEquals(List.of("CXXABI_1.3", "GLIBC_2.2.5", "GLIBC_2.3.2", "GLIBC_2.17", "GLIBC_2.34", "GLIBCXX_3.4.9", "GLIBCXX_3.4.29",
                "GLIBC_PRIVATE"), SymbolVersionNames.sorted(AS_READ));
    }

    @Test
    void theHighestOfEachFamilyWithSeveralVersions() {
        assertEquals(List.of("GLIBC_2.34", "GLIBCXX_3.4.29"), SymbolVersionNames.highestPerFamily(AS_READ));
        assertEquals(List.of(), SymbolVersionNames.highestPerFamily(List.of("GLIBC_2.2.5")));
    }
}
