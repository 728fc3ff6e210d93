/** Plain JDBC for the little that must run outside JPA and any transaction of the caller's. */
package io.mediamill.infrastructure.persistence.jdbc;
