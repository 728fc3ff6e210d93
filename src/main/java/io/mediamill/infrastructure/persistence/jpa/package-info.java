/** JPA repositories, converters and the schema migrations that run before anything touches the database. */
package io.mediamill.infrastructure.persistence.jpa;
