package io.gohygiene.modfetch;

/**
 * Inside the checksum database client: an answer failed a check (signature, proof, format). {@link SumDbClient}
 * turns it into a {@link ChecksumException} naming the module version and the database.
 */
final class AnswerRejected extends Exception {

    private static final long serialVersionUID = 1L;

    AnswerRejected(String message) {
        super(message);
    }
}
