package com.smartpackageroom.ejb.kiosk;

import java.time.Instant;

/** A kiosk session that is still running: whose it is and until when. */
public record SessionView(Instant expiresAt, SignInView.HolderView holder) {}
