/** What every way of reaching the database shares: telling an unreachable database from the application's own failures. */
package io.mediamill.infrastructure.persistence;
