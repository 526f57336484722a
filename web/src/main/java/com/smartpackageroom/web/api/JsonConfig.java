package com.smartpackageroom.web.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/** JSON-B as the APIs use it: absent values are left out rather than written as null. */
@Provider
public class JsonConfig implements ContextResolver<Jsonb> {

  private final Jsonb jsonb = JsonbBuilder.create(new JsonbConfig().withNullValues(false));

  @Override
  public Jsonb getContext(Class<?> type) {
    return jsonb;
  }
}
