package io.nty.examples.clients;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HexFormat;
import java.util.Properties;

/**
 * NtyCo's MySQL client sample, ported to PostgreSQL: one JDBC connection through the unmodified
 * PostgreSQL driver, then {@code queries} round trips of {@code SELECT ?::bigint * 2, md5(?)},
 * each checked against the answer computed here. Plain blocking JDBC code: nothing in it knows
 * about coroutines.
 */
public final class PgSession implements ClientSession {

    private static final String QUERY = "SELECT ?::bigint * 2, md5(?)";

    private final String url;
    private final Properties properties;
    private final int queries;

    /**
     * @param target where the server is
     * @param queries queries per session, {@code >= 0}
     */
    public PgSession(PgTarget target, int queries) {
        if (queries < 0) {
            throw new IllegalArgumentException("queries must be >= 0: " + queries);
        }
        this.url = target.jdbcUrl();
        this.properties = target.properties();
        this.queries = queries;
    }

    @Override
    public void run(int number, SessionContext context) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, properties);
                PreparedStatement statement = connection.prepareStatement(QUERY)) {
            context.connected();
            for (int i = 0; i < queries; i++) {
                long value = number * 1_000_000L + i;
                String text = "nty session " + number + " query " + i;
                long start = context.queryStarted();
                statement.setLong(1, value);
                statement.setString(2, text);
                try (ResultSet rs = statement.executeQuery()) {
                    if (!rs.next()) {
                        throw new ResultMismatchException(QUERY, "one row", "no row");
                    }
                    long doubled = rs.getLong(1);
                    String md5 = rs.getString(2);
                    if (doubled != value * 2) {
                        throw new ResultMismatchException(QUERY + " with " + value, value * 2, doubled);
                    }
                    String expected = md5Hex(text);
                    if (!expected.equals(md5)) {
                        throw new ResultMismatchException("md5('" + text + "')", expected, md5);
                    }
                }
                context.queryDone(start);
            }
        }
    }

    static String md5Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }
}
