package io.gohygiene.maven;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every goal is marked threadSafe, so {@code mvn -T 4} runs it without the "not marked @threadSafe" warning and with
 * the guarantee that it holds. Read from the generated plugin descriptor, since @Mojo is not kept at run time; a goal
 * added later is checked without changing this test.
 */
class MojoThreadSafetyTest {

    @Test
    void everyGoalIsMarkedThreadSafe() throws Exception {
        Path classes = Path.of(BuildMojo.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path descriptor = classes.resolve("META-INF/maven/plugin.xml");
        assertTrue(Files.isRegularFile(descriptor), "no plugin descriptor at " + descriptor);
        Document plugin = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(descriptor.toFile());

        NodeList mojos = plugin.getElementsByTagName("mojo");
        List<String> notThreadSafe = new ArrayList<>();
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            String goal = mojo.getElementsByTagName("goal").item(0).getTextContent().strip();
            NodeList threadSafe = mojo.getElementsByTagName("threadSafe");
            if (threadSafe.getLength() == 0 || !threadSafe.item(0).getTextContent().strip().equals("true")) {
                notThreadSafe.add(goal);
            }
        }

        assertTrue(mojos.getLength() >= 5, "the descriptor lists only " + mojos.getLength() + " goals");
        assertEquals(List.of(), notThreadSafe);
    }
}
