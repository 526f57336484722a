package com.smartpackageroom.web.management;

import com.smartpackageroom.ejb.security.Caller;
import com.smartpackageroom.web.api.CallerPrincipal;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

/** What every management API resource needs: the caller, and 201 answers with a Location. */
abstract class ManagementResource {

  @Context SecurityContext security;

  @Context UriInfo uri;

  Caller caller() {
    return ((CallerPrincipal) security.getUserPrincipal()).caller();
  }

  Response created(Object id, Object entity) {
    return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(id)).build())
        .entity(entity)
        .build();
  }

  /** 201 with a Location under another resource than the request's: the one that reads it. */
  Response createdAt(Class<?> resource, Object id, Object entity) {
    return Response.created(uri.getBaseUriBuilder().path(resource).path(String.valueOf(id)).build())
        .entity(entity)
        .build();
  }
}
