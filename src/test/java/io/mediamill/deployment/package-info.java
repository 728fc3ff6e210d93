/** Tests of how Mediamill is deployed: its container files, and nodes behind the stack's nginx. */
package io.mediamill.deployment;
