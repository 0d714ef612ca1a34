package io.gohygiene.modfetch;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A signed note (x/mod/sumdb/note): text ending in a newline, a blank line, then signature lines
 * {@code — <name> <base64(4-byte key hash || signature)>}. {@link #open} returns the text only when a line signed
 * by the expected key verifies; lines by other keys are ignored, as Go ignores keys it does not know.
 */
final class SignedNote {

    private static final String SIGNATURE_PREFIX = "\u2014 ";
    private static final int MAX_SIGNATURES = 100;

    private SignedNote() {
    }

    /** The note's text (with its final newline) once {@code key}'s signature of it is verified. */
    static String open(byte[] note, VerifierKey key) throws AnswerRejected {
        checkCharacters(note);
        int split = lastBlankLine(note);
        if (split < 0) {
            throw new AnswerRejected("malformed signed note: no blank line before the signatures");
        }
        byte[] text = Arrays.copyOf(note, split + 1);
        byte[] signatures = Arrays.copyOfRange(note, split + 2, note.length);
        if (signatures.length == 0 || signatures[signatures.length - 1] != '\n') {
            throw new AnswerRejected("malformed signed note: it has no signature lines");
        }
        boolean verified = false;
        Set<String> otherKeys = new LinkedHashSet<>();
        int count = 0;
        for (String line : new String(signatures, StandardCharsets.UTF_8).split("\n")) {
            if (++count > MAX_SIGNATURES) {
                throw new AnswerRejected("malformed signed note: more than " + MAX_SIGNATURES + " signatures");
            }
            if (!line.startsWith(SIGNATURE_PREFIX)) {
                throw new AnswerRejected("malformed signed note: a signature line does not start with '\u2014 '");
            }
            String rest = line.substring(SIGNATURE_PREFIX.length());
            int space = rest.indexOf(' ');
            String name = space < 0 ? rest : rest.substring(0, space);
            byte[] signature = space < 0 ? null : Base64s.decodeCanonical(rest.substring(space + 1));
            if (!VerifierKey.isValidName(name) || signature == null || signature.length < 5) {
                throw new AnswerRejected("malformed signed note: bad signature line '" + line + "'");
            }
            int hash = ByteBuffer.wrap(signature).getInt();
            if (!name.equals(key.name()) || hash != key.keyHash()) {
                otherKeys.add(name + "+" + VerifierKey.hex(hash));
                continue;
            }
            if (!key.verifies(text, Arrays.copyOfRange(signature, 4, signature.length))) {
                throw new AnswerRejected("invalid signature for key " + key.id());
            }
            verified = true;
        }
        if (!verified) {
            throw new AnswerRejected("the tree note is not signed by the key " + key.id()
                    + (otherKeys.isEmpty() ? "" : " (only by " + String.join(", ", otherKeys) + ")"));
        }
        return new String(text, StandardCharsets.UTF_8);
    }

    /** Valid UTF-8 without control characters other than newline, as Go requires of a note. */
    private static void checkCharacters(byte[] note) throws AnswerRejected {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(note));
        } catch (CharacterCodingException e) {
            throw new AnswerRejected("malformed signed note: it is not UTF-8");
        }
        for (byte b : note) {
            if (b >= 0 && b < 0x20 && b != '\n') {
                throw new AnswerRejected("malformed signed note: it contains the control character " + b);
            }
        }
    }

    private static int lastBlankLine(byte[] note) {
        for (int i = note.length - 2; i >= 0; i--) {
            if (note[i] == '\n' && note[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
