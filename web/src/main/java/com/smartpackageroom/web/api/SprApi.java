package com.smartpackageroom.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** The kiosk API (/api/kiosk/v1) and the management API (/api/v1); see KIOSK-API.md. */
@ApplicationPath("api")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Smart Package Room",
            version = "1",
            description =
                "Kiosk API (/api/kiosk/v1, kiosk bearer token) and management API (/api/v1, API"
                    + " bearer token). Errors are RFC 9457 problem details with a stable code."))
public class SprApi extends Application {}
