package io.nty.examples.clients;

import java.util.Objects;
import java.util.Properties;

/**
 * A PostgreSQL server to connect to, as JDBC wants it.
 *
 * @param host a host name or IP literal; a name is looked up on the hook's resolver offload
 * @param port the server's port
 * @param database the database
 * @param user the role
 * @param password its password, or {@code null} for none (trust authentication)
 */
public record PgTarget(String host, int port, String database, String user, String password) {

    /** Checks the values. */
    public PgTarget {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(user, "user");
        if (port <= 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 1..65535: " + port);
        }
    }

    /** @return the JDBC URL; IPv6 literals are bracketed */
    public String jdbcUrl() {
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return "jdbc:postgresql://" + h + ":" + port + "/" + database;
    }

    /** @return the connection properties: user, password, plain TCP (loopback needs no TLS) */
    public Properties properties() {
        Properties p = new Properties();
        p.setProperty("user", user);
        if (password != null) {
            p.setProperty("password", password);
        }
        p.setProperty("sslmode", "disable");
        p.setProperty("ApplicationName", "nty-examples");
        return p;
    }
}
