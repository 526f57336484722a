package com.smartpackageroom.ejb.mfa;

/** What an authenticator app needs: the secret as text and as a QR code (PNG) of its URI. */
public record AuthenticatorSetUp(String secret, String uri, byte[] qrPng) {}
