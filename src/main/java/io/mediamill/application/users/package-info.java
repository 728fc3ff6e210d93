/** Use cases of the people who sign in: users and roles, passwords, API tokens, throttled sign-in. */
package io.mediamill.application.users;
