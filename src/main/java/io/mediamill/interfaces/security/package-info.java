/** How requests prove who sends them (session, HTTP Basic, API token) and what a request must carry to be let in. */
package io.mediamill.interfaces.security;
