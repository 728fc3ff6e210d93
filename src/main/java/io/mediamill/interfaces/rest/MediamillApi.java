package io.mediamill.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST API lives under /api; resources and mappers are discovered. */
@ApplicationPath("api")
public class MediamillApi extends Application {
}
