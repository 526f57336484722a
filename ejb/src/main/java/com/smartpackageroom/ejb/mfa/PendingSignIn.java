package com.smartpackageroom.ejb.mfa;

import java.io.Serializable;

/**
 * An account whose password was right and which now verifies its identity (seed 004): the address
 * the code goes to, and whether an authenticator app is offered beside it.
 */
public record PendingSignIn(Long accountId, String email, boolean authenticatorApp)
    implements Serializable {}
