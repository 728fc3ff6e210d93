/** Who may use the service: users with their roles and hashed passwords, and the API tokens they issue. */
package io.mediamill.domain.model.user;
