package com.smartpackageroom.web.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.Paths;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Tidies the generated API description (/openapi, mp.openapi.filter): a path template with a
 * regular expression ({holders: recipients|couriers|staff}) becomes a plain one whose parameter
 * lists its values, and the bearer token the APIs take is declared.
 */
public class OpenApiFilter implements OASFilter {

  private static final String HOLDERS = "\\{holders:[^}]*}";

  @Override
  public void filterOpenAPI(OpenAPI openApi) {
    Paths paths = openApi.getPaths();
    if (paths != null && paths.getPathItems() != null) {
      Map<String, PathItem> items = new LinkedHashMap<>(paths.getPathItems());
      for (Map.Entry<String, PathItem> entry : items.entrySet()) {
        if (entry.getKey().matches(".*" + HOLDERS + ".*")) {
          paths.removePathItem(entry.getKey());
          listHolderKinds(entry.getValue());
          paths.addPathItem(entry.getKey().replaceAll(HOLDERS, "{holders}"), entry.getValue());
        }
      }
    }
    openApi.components(
        (openApi.getComponents() == null ? OASFactory.createComponents() : openApi.getComponents())
            .addSecurityScheme(
                "bearer",
                OASFactory.createSecurityScheme()
                    .type(SecurityScheme.Type.HTTP)
                    .scheme("bearer")
                    .description(
                        "An API token (management API, /api/v1) or a kiosk token (kiosk API,"
                            + " /api/kiosk/v1)")));
    openApi.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("bearer"));
  }

  private static void listHolderKinds(PathItem item) {
    if (item.getOperations() == null) {
      return;
    }
    for (Operation operation : item.getOperations().values()) {
      if (operation.getParameters() == null) {
        continue;
      }
      for (Parameter parameter : operation.getParameters()) {
        if ("holders".equals(parameter.getName()) && parameter.getSchema() != null) {
          parameter.getSchema().setEnumeration(List.<Object>of("recipients", "couriers", "staff"));
        }
      }
    }
  }
}
