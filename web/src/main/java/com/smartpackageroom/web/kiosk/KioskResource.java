package com.smartpackageroom.web.kiosk;

import com.smartpackageroom.domain.accesskey.AccessKeyType;
import com.smartpackageroom.domain.shared.DomainException;
import com.smartpackageroom.ejb.accesskey.AccessKeyView;
import com.smartpackageroom.ejb.kiosk.Credential;
import com.smartpackageroom.ejb.kiosk.KioskSignInService;
import com.smartpackageroom.ejb.kiosk.KioskTokens;
import com.smartpackageroom.ejb.kiosk.PinRequestService;
import com.smartpackageroom.ejb.kiosk.SessionView;
import com.smartpackageroom.ejb.kiosk.SignInFastPath;
import com.smartpackageroom.ejb.kiosk.SignInView;
import com.smartpackageroom.ejb.kiosk.SlowSignIns;
import com.smartpackageroom.web.api.BearerToken;
import com.smartpackageroom.web.api.JsonBody;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The kiosk API: sign-in by PIN, QR code or key card; Request PIN; key-card assignment. One
 * instance serves every request (sign-in is the hot path: no per-request injection); headers come
 * as method parameters.
 */
@ApplicationScoped
@Path("kiosk/v1")
@Produces(MediaType.APPLICATION_JSON)
public class KioskResource {

  private static final Map<String, AccessKeyType> CREDENTIALS =
      Map.of("pin", AccessKeyType.PIN, "qr", AccessKeyType.QR, "card", AccessKeyType.KEY_CARD);

  @Inject SignInFastPath fastPath;

  @Inject KioskSignInService signIn;

  @Inject PinRequestService pinRequests;

  @Inject SlowSignIns slowSignIns;

  @POST
  @Path("sessions")
  public void signIn(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      String body,
      @Suspended AsyncResponse answer) {
    // a kiosk waits a bounded time for its answer, whatever holds it up
    answer.setTimeout(slowSignIns.timeout().toMillis(), TimeUnit.MILLISECONDS);
    answer.setTimeoutHandler(late -> late.resume(SlowSignIns.busy()));
    String token;
    Credential credential;
    try {
      token = token(authorization);
      credential = credential(JsonBody.parse(body));
    } catch (RuntimeException e) {
      answer.resume(e);
      return;
    }
    // the everyday case in one round trip, answered by the group commit's thread that settles its
    // group (this thread does not wait for the database); anything else is decided under locks:
    // here when the fast path cannot take it at all, else on another thread (never in a thread
    // of the group commit, which must go on settling groups)
    boolean taken;
    try {
      taken =
          fastPath.signIn(
              token,
              credential,
              (session, failure) -> {
                try {
                  if (failure != null) {
                    answer.resume(failure);
                  } else if (session.isPresent()) {
                    answer.resume(created(session.get()));
                  } else {
                    slowSignIns.execute(() -> decideUnderLocks(answer, token, credential));
                  }
                } catch (RuntimeException e) {
                  answer.resume(e);
                }
              });
    } catch (RuntimeException e) {
      answer.resume(e);
      return;
    }
    if (!taken) {
      decideUnderLocks(answer, token, credential);
    }
  }

  private void decideUnderLocks(AsyncResponse answer, String token, Credential credential) {
    if (!answer.isSuspended()) {
      // answered meanwhile (timed out in the queue): nothing is decided, nothing spent
      return;
    }
    try {
      answer.resume(created(signIn.signIn(token, credential)));
    } catch (DomainException e) {
      if ("invalid-kiosk-token".equals(e.code())) {
        // rotated or retired on another instance: not remembered as a kiosk's any longer
        fastPath.forgetToken(token);
      }
      answer.resume(e);
    } catch (RuntimeException e) {
      answer.resume(e);
    }
  }

  private static Credential credential(JsonBody json) {
    List<String> given = new ArrayList<>();
    for (String field : List.of("pin", "qr", "card")) {
      if (json.has(field)) {
        given.add(field);
      }
    }
    if (given.size() != 1) {
      throw DomainException.invalid(
          given.isEmpty()
              ? "One of pin, qr or card is required"
              : "Give exactly one of pin, qr or card, not " + String.join(" and ", given));
    }
    String field = given.get(0);
    return new Credential(CREDENTIALS.get(field), json.string(field));
  }

  private static Response created(SignInView session) {
    return Response.status(Response.Status.CREATED).entity(session).cacheControl(noStore()).build();
  }

  @DELETE
  @Path("sessions/current")
  public Response signOut(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @HeaderParam("X-Kiosk-Session") String sessionToken) {
    String token = token(authorization);
    if (sessionToken == null || sessionToken.isBlank()) {
      throw DomainException.invalid("The X-Kiosk-Session header is required");
    }
    signIn.endSession(token, sessionToken.strip());
    return Response.noContent().build();
  }

  /** The session a kiosk holds: whose it is and until when; 401 once it expired or ended. */
  @GET
  @Path("sessions/current")
  public Response currentSession(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @HeaderParam("X-Kiosk-Session") String sessionToken) {
    String token = token(authorization);
    if (sessionToken == null || sessionToken.isBlank()) {
      throw DomainException.invalid("The X-Kiosk-Session header is required");
    }
    SessionView session = signIn.currentSession(token, sessionToken.strip());
    return Response.ok(session).cacheControl(noStore()).build();
  }

  @POST
  @Path("pin-requests")
  public Response requestPin(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body) {
    String token = token(authorization);
    // the service checks the contact once it knows the site offers Request PIN
    pinRequests.request(token, JsonBody.parse(body).string("contact"));
    return Response.accepted(Map.of("status", "SENT")).build();
  }

  @POST
  @Path("key-cards")
  public Response assignCard(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body) {
    String token = token(authorization);
    JsonBody json = JsonBody.parse(body);
    AccessKeyView key =
        signIn.assignCard(token, json.requiredString("pin"), json.requiredString("card"));
    return Response.status(Response.Status.CREATED).entity(key).build();
  }

  /** The kiosk's bearer token; without one the request is refused before anything else. */
  private static String token(String authorization) {
    return BearerToken.from(authorization).orElseThrow(KioskTokens::unauthenticated);
  }

  private static CacheControl noStore() {
    CacheControl cache = new CacheControl();
    cache.setNoStore(true);
    return cache;
  }
}
