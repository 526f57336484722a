package com.smartpackageroom.ejb.account;

/** An emailed account link that still works: what it is for and whose it is. */
public record LinkView(String purpose, String email, String firstName) {}
