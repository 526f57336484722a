package com.smartpackageroom.ejb.mfa;

import java.io.Serializable;

/**
 * An account whose password was right and which now verifies its identity (seed 004): the address
 * the code goes to, whether an authenticator app is offered beside it, and the password it was
 * right for ({@link PortalIdentity#credentials}: a reset or change meanwhile ends the sign-in).
 */
public record PendingSignIn(
    Long accountId, String email, boolean authenticatorApp, String credentials)
    implements Serializable {}
