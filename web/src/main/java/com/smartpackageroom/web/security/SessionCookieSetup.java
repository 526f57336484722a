package com.smartpackageroom.web.security;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;
import java.util.Locale;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The session cookie: HttpOnly (web.xml), SameSite=Lax so that other sites' forms do not carry it,
 * and Secure when the portal is served over https (spr.portal.base-url).
 */
@WebListener
public class SessionCookieSetup implements ServletContextListener {

  @Override
  public void contextInitialized(ServletContextEvent event) {
    SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
    cookie.setHttpOnly(true);
    cookie.setAttribute("SameSite", "Lax");
    String baseUrl =
        ConfigProvider.getConfig()
            .getOptionalValue("spr.portal.base-url", String.class)
            .orElse("http://localhost:8080");
    cookie.setSecure(baseUrl.toLowerCase(Locale.ROOT).startsWith("https:"));
  }
}
