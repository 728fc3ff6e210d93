/** What a server killed outright leaves behind (running ffmpeg, half-written files), cleared when the application starts. */
package io.mediamill.infrastructure.leftovers;
